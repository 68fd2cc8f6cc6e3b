#pragma once

// Whether this test is built with AddressSanitizer (scripts/test-sanitizers.sh), and how much slower that makes it.
// A test whose premise is a time relation (one answer held back longer than another takes to be handled; more
// requests in a second than a quota allows) widens its margins by kSanitizerSlowdown there, so that it tests the same
// thing on the slower build instead of failing on its timing.
#if defined(__SANITIZE_ADDRESS__)
#define ROLEDESK_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ROLEDESK_UNDER_ASAN 1
#endif
#endif

#ifdef ROLEDESK_UNDER_ASAN
constexpr bool kUnderSanitizer = true;
constexpr int kSanitizerSlowdown = 4; // as the CTest time-outs (scripts/test-sanitizers.sh)
#else
constexpr bool kUnderSanitizer = false;
constexpr int kSanitizerSlowdown = 1;
#endif
