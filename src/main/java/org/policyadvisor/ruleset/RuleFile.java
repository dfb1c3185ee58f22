package org.policyadvisor.ruleset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** One file of a ruleset; {@code path} is relative to the rules directory, with '/' separators. */
public record RuleFile(String path, byte[] content) {

    public static RuleFile of(String path, String content) {
        return new RuleFile(path, content.getBytes(StandardCharsets.UTF_8));
    }

    public String text() {
        return new String(content, StandardCharsets.UTF_8);
    }

    public String sha256() {
        return HexFormat.of().formatHex(sha256(content));
    }

    public boolean isDrl() {
        return path.endsWith(".drl");
    }

    public boolean isYaml() {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
