// libFuzzer's driver, called from Swift: SwiftPM links an executable's entry point as `<Target>_main`
// (`--defsym main=FairShareFuzz_main`), so libFuzzer's own `main` is never used and the target starts the
// driver itself. Defined in libclang_rt.fuzzer (linked by -sanitize=fuzzer).
#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
