//! The batch's allocator: on Linux (glibc), jemalloc with its memory in transparent huge pages, so
//! that the reports a batch keeps until it is written cost a page fault for each 2 MiB rather than
//! for each 4 KiB; elsewhere the system's.

#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

/// jemalloc's options, which it reads when it starts: huge pages for all its memory where the
/// system has transparent huge pages (in `always` or `madvise` mode; with `never`, nothing changes).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[export_name = "_rjem_malloc_conf"]
static OPTIONS: &[u8] = b"thp:always\0";
