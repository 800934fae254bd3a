package dev.agentanalytics.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The tools tests need from outside Maven, installed through the project's own files the first time a test needs
 * them: npm packages pinned in package-lock.json, Debian's Chromium through scripts/browser.sh. Every external
 * command runs with a timeout that kills it.
 */
public final class ProjectTools {
    private static final Duration NPM_CI_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration BROWSER_INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private ProjectTools() {}

    /** The folder of package.json: Maven runs tests in the project folder, an IDE perhaps in a subfolder. */
    public static Path repositoryRoot() {
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("package-lock.json"))) return dir;
        }
        throw new IllegalStateException("No package-lock.json above " + new File("").getAbsolutePath());
    }

    /** The folder of an npm package of package-lock.json, installed with {@code npm ci} when missing. */
    public static synchronized Path npmPackage(String name) throws IOException, InterruptedException {
        Path repository = repositoryRoot();
        Path packageDir = repository.resolve("node_modules").resolve(name);
        if (!Files.isRegularFile(packageDir.resolve("package.json"))) {
            run(repository, NPM_CI_TIMEOUT, "npm-ci.log", "npm", "ci", "--no-audit", "--no-fund");
        }
        return packageDir;
    }

    /** The Chromium executable, installed from Debian's packages by scripts/browser.sh when missing. */
    public static synchronized Path chromium() throws IOException, InterruptedException {
        Path repository = repositoryRoot();
        String path = run(repository, BROWSER_INSTALL_TIMEOUT, "browser-install.log", "bash", "scripts/browser.sh",
                "install").trim();
        String[] lines = path.split("\n");
        return Paths.get(lines[lines.length - 1].trim());
    }

    /** How a command ended: its exit code and everything it printed. */
    public static final class Execution {
        public final int exitCode;
        public final String output;

        Execution(int exitCode, String output) {
            this.exitCode = exitCode;
            this.output = output;
        }
    }

    /**
     * Runs {@code command} in {@code dir}, its output into target/{@code logName} (never into a pipe that could
     * block it); fails, after killing it and its children, when it is still running after {@code timeout}.
     */
    public static Execution execute(Path dir, Duration timeout, String logName, String... command)
            throws IOException, InterruptedException {
        return execute(dir, Map.of(), timeout, logName, command);
    }

    /** {@link #execute(Path, Duration, String, String...)} with more environment variables. */
    public static Execution execute(Path dir, Map<String, String> environment, Duration timeout, String logName,
                                    String... command) throws IOException, InterruptedException {
        Path log = Files.createDirectories(repositoryRoot().resolve("target")).resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                    + "; see " + log);
        }
        byte[] all = Files.readAllBytes(log);
        return new Execution(process.exitValue(),
                new String(all, (int) logStart, all.length - (int) logStart, StandardCharsets.UTF_8));
    }

    /** {@link #execute} of a command that must succeed; returns what it printed. */
    public static String run(Path dir, Duration timeout, String logName, String... command)
            throws IOException, InterruptedException {
        return run(dir, Map.of(), timeout, logName, command);
    }

    /** {@link #run(Path, Duration, String, String...)} with more environment variables. */
    public static String run(Path dir, Map<String, String> environment, Duration timeout, String logName,
                             String... command) throws IOException, InterruptedException {
        Execution execution = execute(dir, environment, timeout, logName, command);
        if (execution.exitCode != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + execution.exitCode
                    + "); see target/" + logName + ":\n" + execution.output);
        }
        return execution.output;
    }
}
