#pragma once

#include <type_traits>
#include <utility>
#include <variant>

// The one result convention of core's fallible calls (docs/ARCHITECTURE.md, "Results"): a value or an error,
// never both, never neither. A synchronous call returns a Result; an asynchronous one hands one Result to its
// callback. E is the error of the domain: ApiError for the cloud, CredentialError for credentials, a QString in
// plain words for a front end's input. C++20 has no std::expected (C++23) and Qt 6.4 none either, hence this
// small one.
//
//   Result<CredentialProvider*, QString> made = CredentialProviderFactory::create(...);
//   if (!made)
//       show(made.error());
//   use(made.value());
//
//   return Failure(tr("..."));  // the error side; a plain value converts to the value side
template<typename E>
struct Failure
{
    E error;
};
template<typename E>
Failure(E) -> Failure<E>;

template<typename T, typename E>
class [[nodiscard]] Result
{
public:
    Result(const T& value)
        : m_data(std::in_place_index<0>, value)
    {}
    Result(T&& value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    template<typename F>
    requires std::is_constructible_v<E, F> Result(Failure<F> failure)
        : m_data(std::in_place_index<1>, E(std::move(failure.error)))
    {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    // Only when ok().
    const T& value() const& { return std::get<0>(m_data); }
    T& value() & { return std::get<0>(m_data); }
    T&& value() && { return std::get<0>(std::move(m_data)); }
    // Only when !ok().
    const E& error() const { return std::get<1>(m_data); }

    T valueOr(T fallback) const { return ok() ? value() : std::move(fallback); }

private:
    std::variant<T, E> m_data;
};
