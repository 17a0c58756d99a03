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
    # JAVA_OPTS is split into words on purpose (several options)
    for option in ${JAVA_OPTS:-}; do
        printf '%s\n' "$option"
    done
}
