// SingleInstance::decodeMessage (bytes from any local process): never allocates for a count the bytes cannot hold,
// and what it accepts re-encodes to the same bytes.
#include "FuzzSupport.h"

#include "SingleInstance.h"

#include <QDataStream>
#include <QIODevice>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QByteArray buffer = FuzzSupport::bytes(data, size);
    QStringList arguments;
    if (SingleInstance::decodeMessage(buffer, &arguments) != SingleInstance::Decoded::Ok)
        return 0;
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << quint32(0x52444b31) << arguments;
    }
    QByteArray message;
    {
        QDataStream out(&message, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out << payload;
    }
    FUZZ_CHECK(message == buffer, "an accepted message does not re-encode to itself");
    return 0;
}
