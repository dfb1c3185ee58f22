package org.policyadvisor.reload;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules directory and everything under it, and hands the pipeline the files once writing has stopped.
 * An editor's save is many events (a temp file, a rename, a partial write): they are debounced into one read after
 * a quiet period, and content equal to what serves builds nothing. An OVERFLOW (lost events) or a new directory
 * means a rescan. A Kubernetes ConfigMap volume publishes by swapping its {@code ..data} symlink; that event counts,
 * the other hidden entries (editor swap files, the ConfigMap's timestamped directories) do not.
 */
public final class RulesWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RulesWatcher.class);
    public static final Duration QUIET_PERIOD = Duration.ofMillis(300);
    private static final String CONFIGMAP_DATA = "..data";

    private final Path root;
    private final RulesPipeline pipeline;
    private final Duration quiet;
    private final WatchService service;
    private final Thread thread;

    private RulesWatcher(Path root, RulesPipeline pipeline, Duration quiet) throws IOException {
        this.root = root.toAbsolutePath().normalize();
        this.pipeline = pipeline;
        this.quiet = quiet;
        this.service = this.root.getFileSystem().newWatchService();
        registerTree(this.root);
        this.thread = new Thread(this::run, "rules-watcher");
        this.thread.setDaemon(true);
    }

    /** Starts watching now: a change made after this returns will be seen. */
    public static RulesWatcher start(Path root, RulesPipeline pipeline, Duration quiet) {
        try {
            RulesWatcher watcher = new RulesWatcher(root, pipeline, quiet);
            watcher.thread.start();
            return watcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch the rules directory " + root, e);
        }
    }

    private void run() {
        boolean pending = false;
        long lastChange = 0;
        while (true) {
            WatchKey key;
            try {
                long wait = TimeUnit.NANOSECONDS.toMillis(quiet.toNanos() - (System.nanoTime() - lastChange));
                key = !pending ? service.take() : wait > 0 ? service.poll(wait, TimeUnit.MILLISECONDS) : null;
            } catch (ClosedWatchServiceException | InterruptedException e) {
                return;
            }
            if (key != null) {
                if (handle(key)) {
                    pending = true;
                    lastChange = System.nanoTime();
                }
                continue;
            }
            pending = false;
            try {
                registerTree(root);
                pipeline.publish(RulesPipeline.readSettled(root));
            } catch (UncheckedIOException | IOException e) {
                // A file vanished mid-read (a save in progress): look again after the next quiet period.
                LOG.debug("rules directory changed while being read, reading again: {}", e.getMessage());
                pending = true;
                lastChange = System.nanoTime();
            } catch (Throwable e) { // whatever a build throws, keep watching: the next edit may fix it
                LOG.error("could not reload the rules", e);
            }
        }
    }

    /** Whether the key's events may change the rules; new directories are watched at once. */
    private boolean handle(WatchKey key) {
        boolean relevant = false;
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                relevant = true;
                continue;
            }
            Path name = (Path) event.context();
            String text = name.toString();
            if (text.startsWith(".") && !text.equals(CONFIGMAP_DATA)) continue;
            relevant = true;
            Path child = dir.resolve(name);
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(child)) {
                try {
                    registerTree(child);
                } catch (IOException | UncheckedIOException e) {
                    LOG.debug("new directory {} is gone again", child);
                }
            }
        }
        key.reset();
        return relevant;
    }

    /** Watches {@code top} and every visible directory under it, following symlinks (re-registering is harmless). */
    private void registerTree(Path top) throws IOException {
        try (Stream<Path> paths = Files.walk(top, FileVisitOption.FOLLOW_LINKS)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                if (!Files.isDirectory(path) || isHidden(path)) continue;
                path.register(service, ENTRY_CREATE, ENTRY_DELETE, ENTRY_MODIFY);
            }
        }
    }

    private boolean isHidden(Path path) {
        for (Path part : root.relativize(path)) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service", e);
        }
        thread.interrupt();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
