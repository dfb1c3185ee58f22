package org.policyadvisor.reload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.policyadvisor.catalogue.Lang;
import org.policyadvisor.ruleset.ActiveRuleset;
import org.policyadvisor.ruleset.RulesDirectory;
import org.policyadvisor.ruleset.RulesetCompiler;
import org.policyadvisor.ruleset.Ruleset;

/** A real watcher on a real directory, edited the ways editors and Kubernetes do it. */
class RulesWatcherTest {

    /** Long enough after a build to see a second one if the watcher were to start it. */
    private static final Duration SETTLE = RulesWatcher.QUIET_PERIOD.multipliedBy(4);

    @TempDir
    Path dir;

    private final ActiveRuleset active = new ActiveRuleset();
    private RulesPipeline pipeline;
    private RulesWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) watcher.close();
        pipeline.close();
        active.current().ifPresent(Ruleset::release);
    }

    private long serveAndWatch(Path root) {
        pipeline = new RulesPipeline(root, active, Clock.systemUTC(), Duration.ZERO);
        assertThat(pipeline.reload().ok()).isTrue();
        watcher = RulesWatcher.start(root, pipeline, RulesWatcher.QUIET_PERIOD);
        return pipeline.builds();
    }

    @Test
    void a_file_written_one_byte_at_a_time_is_built_once_when_complete() throws Exception {
        RulesFixture.write(dir, RulesFixture.tiny(100));
        long builds = serveAndWatch(dir);
        byte[] content = tinyYamlWithHowToApply("Apply byte by byte").getBytes(StandardCharsets.UTF_8);

        // Slower in total than the quiet period, but never pausing for as long as it.
        try (OutputStream out = Files.newOutputStream(dir.resolve(RulesFixture.TINY_YAML))) {
            for (int i = 0; i < content.length; i++) {
                out.write(content[i]);
                out.flush();
                if (i % 16 == 0) Thread.sleep(10);
            }
        }

        assertBuiltOnceFromDisk(builds);
        assertThat(howToApply()).isEqualTo("Apply byte by byte");
    }

    @Test
    void a_vim_style_save_with_backup_rename_and_temp_files_is_built_once() throws Exception {
        RulesFixture.write(dir, RulesFixture.tiny(100));
        long builds = serveAndWatch(dir);
        Path file = dir.resolve(RulesFixture.TINY_YAML);
        Path parent = file.getParent();

        // What vim does on :w with its defaults: probe the directory, keep the old file as a backup, write, drop the backup.
        Files.writeString(parent.resolve("4913"), "");
        Files.delete(parent.resolve("4913"));
        Files.writeString(parent.resolve(".tiny.yaml.swp"), "swap");
        Files.move(file, parent.resolve("tiny.yaml~"));
        String content = tinyYamlWithHowToApply("Apply after a vim save");
        Files.writeString(file, content.substring(0, 40));
        Thread.sleep(50);
        Files.writeString(file, content);
        Files.delete(parent.resolve("tiny.yaml~"));
        Files.delete(parent.resolve(".tiny.yaml.swp"));

        assertBuiltOnceFromDisk(builds);
        assertThat(howToApply()).isEqualTo("Apply after a vim save");
    }

    @Test
    void a_configmap_style_swap_of_the_data_symlink_is_built_once() throws Exception {
        // A ConfigMap volume: the files live in a timestamped directory; ..data points to it; the visible names point into ..data.
        RulesFixture.write(dir.resolve("..2024_01_01_v1"), RulesFixture.tiny(100));
        Files.createSymbolicLink(dir.resolve("..data"), Path.of("..2024_01_01_v1"));
        for (String top : List.of("applicant.drl", "applicant.yaml", "assumptions.yaml", "common", "programs")) {
            Files.createSymbolicLink(dir.resolve(top), Path.of("..data", top));
        }
        long builds = serveAndWatch(dir);

        // The kubelet's update: write the new directory, point a new link at it, rename that link over ..data, delete the old one.
        RulesFixture.write(dir.resolve("..2024_01_02_v2"), RulesFixture.tiny(400));
        Files.createSymbolicLink(dir.resolve("..data_tmp"), Path.of("..2024_01_02_v2"));
        Files.move(dir.resolve("..data_tmp"), dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        deleteTree(dir.resolve("..2024_01_01_v1"));

        assertBuiltOnceFromDisk(builds);
        assertThat(active.current().orElseThrow().catalogue().programs().get(0).benefits().get(0).amount()).isEqualTo(400);
    }

    @Test
    void saving_a_file_with_the_same_content_builds_nothing() throws Exception {
        RulesFixture.write(dir, RulesFixture.tiny(100));
        long builds = serveAndWatch(dir);
        String version = active.current().orElseThrow().version();

        RulesFixture.write(dir, RulesFixture.tiny(100));
        Thread.sleep(SETTLE.toMillis());

        assertThat(pipeline.builds()).isEqualTo(builds);
        assertThat(active.current().orElseThrow().version()).isEqualTo(version);
    }

    @Test
    void a_new_program_directory_is_watched_and_built() throws Exception {
        RulesFixture.write(dir, RulesFixture.tiny(100));
        long builds = serveAndWatch(dir);

        Path copy = dir.resolve("programs/tiny-two");
        Files.createDirectories(copy);
        Thread.sleep(50);
        RulesFixture.write(copy.resolve("tiny-two.drl"), RulesFixture.tiny(100).get(RulesFixture.TINY_DRL)
                .replace("Tiny", "TinyTwo").replace("\"tiny\"", "\"tiny-two\"").replace("rule \"adult: is an adult\"", "rule \"adult: also an adult\""));
        RulesFixture.write(copy.resolve("tiny-two.yaml"), RulesFixture.tiny(100).get(RulesFixture.TINY_YAML)
                .replace("order: 1", "order: 2").replace("ONE_OFF", "PER_DAY"));

        awaitBuilds(builds + 1);
        assertThat(active.current().orElseThrow().catalogue().programs()).extracting(p -> p.id()).containsExactly("tiny", "tiny-two");
    }

    /** One build, of what is on disk now, and it serves. */
    private void assertBuiltOnceFromDisk(long buildsBefore) throws InterruptedException {
        awaitBuilds(buildsBefore + 1);
        Thread.sleep(SETTLE.toMillis());
        assertThat(pipeline.builds()).as("builds").isEqualTo(buildsBefore + 1);
        assertThat(pipeline.lastAttempt().result()).isEqualTo(Attempt.Result.ACTIVATED);
        assertThat(active.current().orElseThrow().version()).isEqualTo(RulesetCompiler.version(RulesDirectory.read(dir)));
    }

    private static String tinyYamlWithHowToApply(String text) {
        return RulesFixture.tiny(100).get(RulesFixture.TINY_YAML).replace("en: Apply}", "en: " + text + "}");
    }

    private String howToApply() {
        return active.current().orElseThrow().catalogue().programs().get(0).howToApply().in(Lang.EN);
    }

    private void awaitBuilds(long builds) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (pipeline.builds() < builds && System.nanoTime() < deadline) Thread.sleep(20);
        assertThat(pipeline.builds()).as("builds").isGreaterThanOrEqualTo(builds);
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
