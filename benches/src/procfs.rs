//! What the `memory` and `server` benches read from Linux's `/proc`: resident memory,
//! CPU time, and how many threads the machine allows. Off Linux every reader returns
//! `None`, and the benches say "n/a".

/// A `kB` field of `/proc/PID/status` (`VmRSS`: resident now, `VmHWM`: the peak), in
/// KiB; `pid` `None` is this process.
pub fn status_kib(pid: Option<u32>, key: &str) -> Option<u64> {
    let path = match pid {
        Some(pid) => format!("/proc/{pid}/status"),
        None => "/proc/self/status".to_owned(),
    };
    kib_field(&std::fs::read_to_string(path).ok()?, key)
}

/// The kernel stacks of the whole machine, in KiB (`KernelStack` in `/proc/meminfo`).
pub fn kernel_stack_kib() -> Option<u64> {
    kib_field(
        &std::fs::read_to_string("/proc/meminfo").ok()?,
        "KernelStack",
    )
}

/// `KEY:   1234 kB` → 1234.
pub fn kib_field(text: &str, key: &str) -> Option<u64> {
    let line = text
        .lines()
        .find(|line| line.split(':').next() == Some(key))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Clock ticks per second in `/proc/PID/stat`: `USER_HZ`, 100 on every Linux the
/// workshop runs on (x86-64, arm64).
const TICKS_PER_SECOND: f64 = 100.0;

/// User + system CPU time of process `pid` so far, over all its threads (the ones that
/// ended included), in seconds; to the tick (10 ms).
pub fn cpu_seconds(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let (utime, stime) = cpu_ticks(&stat)?;
    Some((utime + stime) as f64 / TICKS_PER_SECOND)
}

/// `utime` and `stime` (fields 14 and 15) of a `/proc/PID/stat` line. The command name
/// (field 2) is in parentheses and may hold spaces or parentheses: count from the last
/// `)`.
pub fn cpu_ticks(stat: &str) -> Option<(u64, u64)> {
    let after_name = &stat[stat.rfind(')')? + 1..];
    // After the name: field 3 (state) is the first, so utime (14) is the 12th.
    let mut fields = after_name.split_whitespace().skip(11);
    let utime = fields.next()?.parse().ok()?;
    let stime = fields.next()?.parse().ok()?;
    Some((utime, stime))
}

/// How many threads a bench may start, and what limits it: the smallest of the
/// machine's limits (`pid_max`, `threads-max`, `ulimit -u`), less the threads already
/// running, halved so that the rest of the machine (compilers, browsers, the
/// projector's software) can still start threads; and at most a quarter of
/// `vm.max_map_count` (each thread maps its stack and std's signal stack, each with a
/// guard page).
pub fn thread_cap() -> (usize, String) {
    let read = |path: &str| -> Option<usize> {
        let text = std::fs::read_to_string(path).ok()?;
        text.split_whitespace().next()?.parse().ok()
    };
    let nproc = std::fs::read_to_string("/proc/self/limits")
        .ok()
        .and_then(|text| max_processes(&text));
    // `/proc/loadavg`'s fourth field is running/total threads of the machine.
    let in_use = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|text| {
            text.split_whitespace()
                .nth(3)?
                .split('/')
                .nth(1)?
                .parse()
                .ok()
        });
    cap_from(
        read("/proc/sys/kernel/pid_max"),
        read("/proc/sys/kernel/threads-max"),
        nproc,
        in_use,
        read("/proc/sys/vm/max_map_count"),
    )
}

/// The soft `Max processes` of `/proc/self/limits` (`ulimit -u`); `None` if unlimited.
fn max_processes(limits: &str) -> Option<usize> {
    let line = limits
        .lines()
        .find(|line| line.starts_with("Max processes"))?;
    line.split_whitespace().nth(2)?.parse().ok()
}

/// [`thread_cap`] from the figures it read.
fn cap_from(
    pid_max: Option<usize>,
    threads_max: Option<usize>,
    nproc: Option<usize>,
    in_use: Option<usize>,
    max_map_count: Option<usize>,
) -> (usize, String) {
    let limits = [
        pid_max.map(|n| (n, format!("pid_max {n}"))),
        threads_max.map(|n| (n, format!("threads-max {n}"))),
        nproc.map(|n| (n, format!("ulimit -u {n}"))),
    ];
    let (limit, name) = limits
        .into_iter()
        .flatten()
        .min_by_key(|(limit, _)| *limit)
        .unwrap_or((32_768, "an assumed limit of 32768".to_owned()));
    let in_use = in_use.unwrap_or(1000);
    let mut cap = limit.saturating_sub(in_use) / 2;
    let mut why = format!("{name}, {in_use} threads running, half the rest kept free");
    if let Some(maps) = max_map_count
        && maps / 4 < cap
    {
        cap = maps / 4;
        why = format!("vm.max_map_count {maps}, 4 mappings per thread");
    }
    (cap.max(1), why)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_fields_are_read_in_kib() {
        let status = "Name:\tserver\nVmHWM:\t  123456 kB\nVmRSS:\t    2048 kB\n";
        assert_eq!(kib_field(status, "VmHWM"), Some(123_456));
        assert_eq!(kib_field(status, "VmRSS"), Some(2048));
        assert_eq!(kib_field(status, "VmSwap"), None);
    }

    #[test]
    fn cpu_ticks_skip_a_command_name_with_spaces_and_parentheses() {
        // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt
        // cmajflt utime stime ...
        let stat = "4242 (my (odd) server) S 1 4242 4242 0 -1 4194560 900 0 3 0 157 42 0 0 20 0";
        assert_eq!(cpu_ticks(stat), Some((157, 42)));
        assert_eq!(cpu_ticks("garbage"), None);
    }

    #[test]
    fn this_process_has_figures_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(status_kib(None, "VmRSS").is_some_and(|kib| kib > 0));
            assert!(cpu_seconds(std::process::id()).is_some());
        }
    }

    #[test]
    fn the_thread_cap_keeps_half_of_the_free_ids() {
        let (cap, why) = cap_from(Some(32_768), Some(192_730), Some(96_365), Some(768), None);
        assert_eq!(cap, 16_000);
        assert!(
            why.starts_with("pid_max 32768, 768 threads running,"),
            "expected pid_max named as the limit, got {why:?}"
        );
        let (cap, why) = cap_from(Some(4_194_304), None, None, Some(1000), Some(65_530));
        assert_eq!(cap, 16_382);
        assert!(why.starts_with("vm.max_map_count 65530"), "{why}");
        let limits = "Max cpu time   unlimited  unlimited  seconds\n\
                      Max processes  96365      96365      processes\n";
        assert_eq!(max_processes(limits), Some(96_365));
        let unlimited = "Max processes  unlimited  unlimited  processes\n";
        assert_eq!(max_processes(unlimited), None);
    }
}
