#!/usr/bin/env python3
"""Start-up and evaluation benchmark: opsh beside jshell and groovysh (Groovy 4.0.32: 4.0.33 has no groovysh jar in the registry here), on a real pty.

    bench/startup.py            # a warm-up of each tool, then 5 runs of each measure, the tools taking turns
    bench/startup.py --runs 10
    bench/startup.py --smoke    # one run of each opsh measure, no comparison: proves the script works
    bench/startup.py --classes [OPSH]  # only the class-load audit, of ./opsh or of another checkout's launcher

Measures (medians, with min and max):
  prompt  launch to an interactive prompt that accepts typing
  eval    launch to the printed result of `-e '1+1'` (jshell and groovysh: `1+1` piped in); for opsh
          twice: an expression it ran before (its compiled classes come from the store of compiled
          inputs) and a new expression each run (`1+N`, compiled by Groovy)
  line    a trivial line (`x + 1`) in a warm session, Enter to result (p50, p95 over 200 lines)
  rss     resident memory of an idle REPL, 3 s after its prompt
  classes the classes loaded by the time the prompt shows (-Xlog:class+load), by library
"""
import argparse, fcntl, os, pty, select, signal, statistics, struct, subprocess, sys, termios, time

HOME = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OPSH = os.path.join(HOME, "opsh")


def spawn(argv, env=None):
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(argv[0], argv, env or os.environ)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # 120x40, as a real terminal
    return pid, fd


def read_until(fd, needle, timeout=60.0, buf=b""):
    end = time.monotonic() + timeout
    while needle not in buf:
        left = end - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"never saw {needle!r}; got {buf[-300:]!r}")
        r, _, _ = select.select([fd], [], [], left)
        if r:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                raise TimeoutError(f"process ended before {needle!r}; got {buf[-300:]!r}")
            buf += chunk
    return buf


def stop(pid, fd):
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    os.close(fd)


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024


def time_prompt(argv, prompt, env=None, measure_rss=False):
    t0 = time.monotonic()
    pid, fd = spawn(argv, env)
    try:
        read_until(fd, prompt)
        elapsed = time.monotonic() - t0
        rss = None
        if measure_rss:
            time.sleep(3)
            rss = rss_mb(pid)
        return elapsed, rss
    finally:
        stop(pid, fd)


def time_eval(argv, stdin=None, expect=b"2", env=None):
    if callable(argv):
        argv, expect = argv()
    t0 = time.monotonic()
    out = subprocess.run(argv, input=stdin, env=env, capture_output=True, timeout=120).stdout
    elapsed = time.monotonic() - t0
    if expect not in out:
        raise RuntimeError(f"{argv} printed {out[-200:]!r}")
    return elapsed


def time_lines(argv, prompt, n=200, env=None):
    pid, fd = spawn(argv, env)
    try:
        buf = read_until(fd, prompt, timeout=60)
        os.write(fd, b"def x = 1\r")
        buf = read_until(fd, prompt, buf=b"")
        samples = []
        for i in range(n):
            t0 = time.monotonic()
            os.write(fd, b"x + 1\r")
            buf = read_until(fd, b"2\r\n", buf=b"")
            samples.append((time.monotonic() - t0) * 1000)
            rest = buf[buf.index(b"2\r\n") + 3:]
            if prompt not in rest:
                read_until(fd, prompt, buf=rest)
        warm = samples[20:]
        return statistics.median(warm), sorted(warm)[int(len(warm) * 0.95) - 1]
    finally:
        stop(pid, fd)


# The libraries the issue says load only when a verb needs them, and the ones a prompt needs anyway.
FAMILIES = [("JDBC (org.postgresql)", "org.postgresql."), ("AMQP (com.rabbitmq)", "com.rabbitmq."),
            ("Jedis (redis.clients)", "redis.clients."), ("sshj (net.schmizz, com.hierynomus)", ("net.schmizz.", "com.hierynomus.")),
            ("Jackson (com.fasterxml)", "com.fasterxml."), ("Groovy", ("groovy.", "org.codehaus.groovy.", "org.apache.groovy.")),
            ("picocli", "picocli."), ("JLine", "org.jline."), ("SnakeYAML", "org.yaml.snakeyaml."), ("opsh", "dev.opsh.")]


def class_audit(opsh, env):
    """Classes loaded by the time the prompt accepts typing, from a fresh REPL on a pty."""
    log = os.path.join(HOME, "bench", "target", "class-load.log")
    os.makedirs(os.path.dirname(log), exist_ok=True)
    if os.path.exists(log):
        os.remove(log)
    audit_env = dict(env, OPSH_JAVA_OPTS=f"-Xlog:class+load:file={log}")
    pid, fd = spawn([opsh], audit_env)
    try:
        read_until(fd, b" lab  > ")
        # Read at once: the JVM writes each line as the class loads, and the compiler's warm-up,
        # which is not counted, starts 20 ms after the prompt.
        with open(log) as f:
            names = [line.split()[1] for line in f if " source: " in line]
    finally:
        stop(pid, fd)
    counts = {label: sum(1 for n in names if n.startswith(prefix)) for label, prefix in FAMILIES}
    return len(names), counts


def summary(values):
    return f"{statistics.median(values):7.3f}  (min {min(values):.3f}, max {max(values):.3f})"


def groovysh_classpath():
    out = os.path.join(HOME, "bench", "groovysh", "target", "classpath.txt")
    if not os.path.exists(out):
        subprocess.run(["mvn", "-q", "-B", "-f", os.path.join(HOME, "bench", "groovysh", "pom.xml"),
                        "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath",
                        f"-Dmdep.outputFile={out}"], check=True)
    with open(out) as f:
        return f.read().strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--classes", nargs="?", const=OPSH, metavar="OPSH", help="only the class-load audit")
    a = ap.parse_args()
    runs = 1 if a.smoke else a.runs
    # NO_COLOR keeps the prompt text plain so it can be matched; colouring it costs nothing measurable.
    # A usual terminal type: JLine ships its capabilities, so it need not run infocmp.
    # Its own transcripts and state (the store of compiled inputs, history), not the operator's.
    env = dict(os.environ, NO_COLOR="1", TERM="xterm-256color",
               OPSH_TRANSCRIPT_DIR=os.path.join(HOME, "bench", "target", "transcripts"),
               XDG_STATE_HOME=os.path.join(HOME, "bench", "target", "state"))
    if a.classes:
        subprocess.run([a.classes, "-e", "1"], env=env, capture_output=True, check=True)  # build and train once
        total, counts = class_audit(a.classes, env)
        print(f"classes loaded by the prompt of {a.classes}: {total}")
        for label, n in counts.items():
            print(f"  {label:36} {n}")
        return
    subprocess.run([OPSH, "-e", "1"], env=env, capture_output=True, check=True)  # build and train once

    fresh = iter(range(1, 10**9))

    def opsh_env(tool):
        return env if tool.startswith("opsh") else None

    def new_expression():
        n = next(fresh) * 7919 + os.getpid()  # never run before, so never in the store
        return [OPSH, "-e", f"1+{n}"], str(n + 1).encode()

    tools = {"opsh": {"prompt": ([OPSH], b" lab  > "), "eval": ([OPSH, "-e", "1+1"], None)},
             "opsh new": {"eval": (new_expression, None)}}
    if not a.smoke:
        gcp = groovysh_classpath()
        groovysh = ["java", "-cp", gcp, "org.apache.groovy.groovysh.Main"]
        tools["jshell"] = {"prompt": (["jshell"], b"jshell> "), "eval": (["jshell", "-q"], b"1+1\n")}
        tools["groovysh"] = {"prompt": (groovysh, b"000\x1b[1m>"), "eval": (groovysh, b"1+1\n")}

    # Runs take turns across tools, so a machine that speeds up or slows down during the benchmark
    # (a shared host does) shifts every tool's numbers alike and leaves the ratios alone.
    results = {name: ([], []) for name in tools}
    if not a.smoke:
        for name, t in tools.items():
            if "prompt" in t:
                time_prompt(*t["prompt"], env)  # warm-up
            time_eval(*t["eval"], env=opsh_env(name))
    for _ in range(runs):
        for name, t in tools.items():
            time.sleep(0.3)  # the previous JVM's memory is handed back before the next one starts
            if "prompt" in t:
                argv, prompt = t["prompt"]
                results[name][0].append(time_prompt(argv, prompt, env, measure_rss=(name == "opsh")))
                time.sleep(0.3)
            results[name][1].append(time_eval(*t["eval"], env=opsh_env(name)))

    jp = statistics.median(results["jshell"][0][0] for _ in [0]) if "jshell" in results else None
    print(f"machine: {os.cpu_count()} cores; load average {os.getloadavg()[0]:.2f}; "
          f"runs: {runs}{'' if a.smoke else ' of each tool in turn, after a warm-up of each'}")
    print("measure                 tool       median s  (min, max)")
    for name, (p, e) in results.items():
        if p:
            print(f"launch to prompt        {name:9}  {summary([x[0] for x in p])}")
    for name, (p, e) in results.items():
        print(f"launch to -e result     {name:9}  {summary(e)}")
    if "jshell" in results:
        jp = statistics.median(x[0] for x in results["jshell"][0])
        je = statistics.median(results["jshell"][1])
        op = statistics.median(x[0] for x in results["opsh"][0])
        oe = statistics.median(results["opsh"][1])
        on = statistics.median(results["opsh new"][1])
        print(f"ratio to jshell         prompt {op / jp:.2f}x, -e {oe / je:.2f}x (a new expression: {on / je:.2f}x)")
    rss = [x[1] for x in results["opsh"][0]]
    print(f"idle REPL RSS (MB)      opsh       {statistics.median(rss):7.1f}  (min {min(rss):.1f}, max {max(rss):.1f})")
    p50, p95 = time_lines([OPSH], b" lab  > ", n=60 if a.smoke else 200, env=env)
    print(f"warm line x + 1 (ms)    opsh       p50 {p50:.1f}, p95 {p95:.1f}")
    total, counts = class_audit(OPSH, env)
    print(f"classes at the prompt   opsh       {total}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))


if __name__ == "__main__":
    main()
