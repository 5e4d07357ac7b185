package io.eventfold.bench;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} pairs from the command line. */
record Options(Map<String, String> values) {

    static Options parse(String[] args) {
        var values = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value, got " + args[i]);
            }
            values.put(args[i].substring(2), args[++i]);
        }
        return new Options(values);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
