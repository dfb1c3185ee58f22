package org.policyadvisor.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.policyadvisor.advice.FieldError;
import org.policyadvisor.advice.InvalidInput;
import org.policyadvisor.ruleset.RuleFile;
import org.policyadvisor.ruleset.RulesDirectory;

/**
 * A candidate ruleset sent to {@code POST /api/v1/rules/validate}: a zip of the rules directory, or a JSON object
 * of path -> file content. Sizes are bounded (a zip can claim anything), and paths must stay inside the ruleset.
 */
final class CandidateUpload {

    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    static final int MAX_FILES = 2_000;
    static final long MAX_UNZIPPED_BYTES = 16L * 1024 * 1024;
    static final String ZIP = "application/zip";

    private CandidateUpload() {}

    static List<RuleFile> read(Context ctx) {
        String type = Negotiation.mediaType(ctx);
        List<RuleFile> files;
        if (type.equals(AdviceController.JSON)) {
            files = fromJson(readBody(ctx));
        } else if (type.equals(ZIP) || type.equals("application/x-zip-compressed") || type.equals("application/octet-stream")) {
            files = fromZip(readBody(ctx));
        } else {
            throw new ApiProblem(415, "unsupported-media-type", AdviceController.JSON + ", " + ZIP);
        }
        if (files.isEmpty()) throw new ApiProblem(400, "empty-candidate");
        return files;
    }

    private static byte[] readBody(Context ctx) {
        try (InputStream in = ctx.bodyInputStream()) {
            return readAtMost(in, MAX_BODY_BYTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<RuleFile> fromJson(byte[] body) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new ApiProblem(400, "malformed-json", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (IOException e) {
            throw new ApiProblem(400, "malformed-json", 0, 0);
        }
        if (root == null || !root.isObject()) throw new InvalidInput(List.of(FieldError.of("", "not-an-object")));
        List<FieldError> errors = new ArrayList<>();
        Map<String, RuleFile> files = new TreeMap<>();
        for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
            String pointer = "/" + entry.getKey().replace("~", "~0").replace("/", "~1");
            String path = safePath(entry.getKey());
            if (path == null) errors.add(FieldError.of(pointer, "not-a-rule-file"));
            else if (!entry.getValue().isTextual()) errors.add(FieldError.of(pointer, "not-a-string"));
            else files.put(path, RuleFile.of(path, entry.getValue().textValue()));
        }
        if (!errors.isEmpty()) throw new InvalidInput(errors);
        return List.copyOf(files.values());
    }

    /** Policy files only (README and the like are skipped); one common top folder, as {@code zip -r rules.zip rules}, is dropped. */
    private static List<RuleFile> fromZip(byte[] body) {
        List<RuleFile> files = new ArrayList<>();
        long total = 0;
        try (ZipInputStream zip = new ZipInputStream(new java.io.ByteArrayInputStream(body), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) continue;
                if (files.size() >= MAX_FILES) throw new ApiProblem(413, "body-too-large", MAX_BODY_BYTES);
                byte[] content = readAtMost(zip, MAX_UNZIPPED_BYTES - total);
                total += content.length;
                files.add(new RuleFile(entry.getName(), content));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new ApiProblem(400, "malformed-zip");
        }
        String top = commonTopFolder(files);
        return files.stream()
                .map(f -> new RuleFile(safePath(f.path().substring(top.length())), f.content()))
                .filter(f -> f.path() != null)
                .sorted(Comparator.comparing(RuleFile::path))
                .toList();
    }

    private static String commonTopFolder(List<RuleFile> files) {
        if (files.isEmpty() || !files.get(0).path().contains("/")) return "";
        String top = files.get(0).path().substring(0, files.get(0).path().indexOf('/') + 1);
        return files.stream().allMatch(f -> f.path().startsWith(top)) ? top : "";
    }

    /** The normalized relative path of a policy file, or null for anything else (absolute, {@code ..}, hidden, not DRL/YAML). */
    private static String safePath(String name) {
        try {
            Path path = Path.of(name).normalize();
            if (name.isBlank() || path.isAbsolute() || name.startsWith("/") || path.startsWith("..") || !RulesDirectory.isPolicyFile(path)) return null;
            return path.toString().replace('\\', '/');
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static byte[] readAtMost(InputStream in, long limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            out.write(buffer, 0, n);
            if (out.size() > limit) throw new ApiProblem(413, "body-too-large", MAX_BODY_BYTES);
        }
        return out.toByteArray();
    }
}
