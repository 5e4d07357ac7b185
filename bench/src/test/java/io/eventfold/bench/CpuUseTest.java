package io.eventfold.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuUseTest {

    /** A stat line as Linux writes it, for a process whose name holds a space and a parenthesis. */
    private static final String STAT = "4242 (C2 Compiler) x) S 1 4242 4242 0 -1 4194560 52 0 0 0 "
            + "731 269 40 60 20 0 27 0 1234567 1000000 5000 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1";

    @Test
    void the_times_are_counted_from_the_end_of_the_name_with_the_waited_for_children_on_request() {
        assertThat(CpuUse.ticks(STAT, false)).isEqualTo(731 + 269);
        assertThat(CpuUse.ticks(STAT, true)).isEqualTo(731 + 269 + 40 + 60);
    }

    @Test
    void two_samples_give_each_process_its_milliseconds_per_unit_and_the_rate_the_cores_allow() {
        var before = new CpuUse.Sample(Map.of("projection-service", 10.0, "PostgreSQL", 4.0), Map.of());
        var after = new CpuUse.Sample(Map.of("projection-service", 16.0, "PostgreSQL", 6.0), Map.of());

        var usage = after.since(before, 1_000);

        assertThat(usage.millisPerUnit()).containsEntry("projection-service", 6.0).containsEntry("PostgreSQL", 2.0);
        assertThat(usage.totalMillis()).isEqualTo(8.0);
        assertThat(usage.ceiling(2)).isCloseTo(250.0, within(1e-9));
        assertThat(usage.jitMillisPerUnit()).isEmpty();
    }

    @Test
    void a_jvms_compiler_threads_are_told_by_their_names_as_the_kernel_cuts_them() {
        assertThat(CpuUse.isCompiler("31 (C2 CompilerThre) S 1 2")).isTrue();
        assertThat(CpuUse.isCompiler("32 (C1 CompilerThre) S 1 2")).isTrue();
        assertThat(CpuUse.isCompiler("33 (GC Thread#0) S 1 2")).isFalse();
        assertThat(CpuUse.isCompiler(STAT)).isFalse();
        assertThat(CpuUse.isCompiler("")).isFalse();
    }

    @Test
    void the_jit_part_counts_each_compiler_threads_ticks_since_the_earlier_sample() {
        // given thread 31 compiled on, thread 32 stopped, thread 33 started between the samples
        var before = new CpuUse.Sample(Map.of("projection-service", 10.0),
                Map.of("projection-service", Map.of(31L, 100L, 32L, 50L)));
        var after = new CpuUse.Sample(Map.of("projection-service", 16.0),
                Map.of("projection-service", Map.of(31L, 160L, 33L, 30L)));

        var usage = after.since(before, 1_000);

        // then 60 + 30 ticks of 10 ms over 1,000 units; the stopped thread's last ticks are not known
        assertThat(usage.jitMillisPerUnit()).containsOnlyKeys("projection-service");
        assertThat(usage.jitMillisPerUnit().get("projection-service")).isCloseTo(0.9, within(1e-9));
        assertThat(usage.totalMillis()).isEqualTo(6.0);
    }

    @Test
    void a_process_that_computes_shows_its_cpu_time_grow() {
        assumeTrue(CpuUse.available(), "Linux's /proc");
        var self = List.of(new CpuUse.Source("bench", ProcessHandle.current().pid(), false));
        var before = CpuUse.sample(self);

        burnCpu(TimeUnit.MILLISECONDS.toNanos(300));

        var after = CpuUse.sample(self);
        var usage = after.since(before, 1);
        assertThat(usage.millisPerUnit().get("bench")).isGreaterThanOrEqualTo(250.0);
        // This JVM compiles too: its compiler threads are found, and their part is no more than the whole.
        assertThat(after.compilerTicks().get("bench")).isNotEmpty();
        assertThat(usage.jitMillisPerUnit().get("bench")).isBetween(0.0, usage.millisPerUnit().get("bench"));
    }

    @Test
    void the_compiler_threads_of_two_jvms_counted_under_one_name_are_all_counted(@TempDir Path dir) throws Exception {
        assumeTrue(CpuUse.available(), "Linux's /proc");
        // given a second JVM beside this one, both counted as "bench" (as the bench and its jstat are)
        var idle = Files.writeString(dir.resolve("Idle.java"), """
                class Idle {
                    public static void main(String[] args) throws Exception {
                        System.out.println("ready");
                        Thread.sleep(60_000);
                    }
                }""");
        var java = ProcessHandle.current().info().command().orElseThrow();
        var other = new ProcessBuilder(java, idle.toString()).redirectErrorStream(true).start();
        try (var out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("ready");
            var self = new CpuUse.Source("bench", ProcessHandle.current().pid(), false);
            var helper = new CpuUse.Source("bench", other.pid(), false);

            // when both are sampled under the one name
            var both = CpuUse.sample(List.of(self, helper)).compilerTicks().get("bench");

            // then each JVM's compiler threads are in it, the first's not replaced by the second's
            var own = CpuUse.sample(List.of(self)).compilerTicks().get("bench").keySet();
            var helpers = CpuUse.sample(List.of(helper)).compilerTicks().get("bench").keySet();
            assertThat(own).isNotEmpty().doesNotContainAnyElementsOf(helpers);
            assertThat(helpers).isNotEmpty();
            assertThat(both.keySet()).containsAll(own).containsAll(helpers);
        } finally {
            other.destroyForcibly().waitFor();
        }
    }

    /** Until this thread has used {@code nanos} of CPU, however long that takes on a busy machine. */
    private static void burnCpu(long nanos) {
        var threads = ManagementFactory.getThreadMXBean();
        long start = threads.getCurrentThreadCpuTime();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - start < nanos) {
            for (int i = 0; i < 10_000; i++) {
                sink += i * 31L ^ sink;
            }
        }
        assertThat(sink).isNotEqualTo(1);
    }
}
