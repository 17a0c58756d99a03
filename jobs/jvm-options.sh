# Sourced by the job's scripts: the JVM options the nightly job runs with, then JAVA_OPTS.
# Unless JAVA_OPTS picks a collector: the parallel one, which on the two 10M-message benchmark days used 14%
# and 8% less CPU than G1 and about 100 MB less RSS, with half the heap for the young generation, which
# halved the collectors' pauses (10 s to 5 s a day: less of a bucket's short-lived data promoted; what
# survives a full collection is under 70 MB).
job_jvm_options() {
    case " ${JAVA_OPTS:-} " in
        *" -XX:+Use"*"GC "*) ;;
        *) printf '%s\n' "-XX:+UseParallelGC" "-XX:NewRatio=1" ;;
    esac
    # Less inlining by C2 than Java 17's defaults (2500 and 325): the JIT compilers took 19 of the first
    # 10M-message night's 77 s of CPU, both cores being busy, and smaller compilations gave the night back more
    # than the code lost (first night 37.5 and 36.2 s against 42.9 and 40.9 s; the fourth night's settle and
    # outputs on its post-ingest state 45.3 and 43.9 s against 49.8 and 49.2 s). See the README, Performance.
    printf '%s\n' "-XX:InlineSmallCode=1000" "-XX:FreqInlineSize=150"
    # JAVA_OPTS is split into words on purpose (several options)
    for option in ${JAVA_OPTS:-}; do
        printf '%s\n' "$option"
    done
}
