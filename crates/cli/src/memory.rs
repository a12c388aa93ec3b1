//! glibc's malloc told to keep the memory a batch frees: each file's bytes and working buffers are
//! freed after it is read and as much is taken again for the next file, so memory handed back to
//! the system would be taken back page by page, a page fault each.

/// Keeps freed memory for reuse (Linux with glibc; elsewhere nothing to do): none given back to
/// the system while less than 64 MiB is free at a heap's top, and blocks under 32 MiB (every
/// report's, and most archives') taken from the heap, where they are reused, rather than mapped
/// and unmapped one by one. Called before any thread is started.
pub fn keep_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets malloc's parameters, and no other thread allocates yet.
    unsafe {
        libc::mallopt(libc::M_TRIM_THRESHOLD, 64 << 20);
        libc::mallopt(libc::M_MMAP_THRESHOLD, 32 << 20);
    }
}
