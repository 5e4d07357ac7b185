package io.eventfold.bench;

/** One request to the command API. */
record Command(String method, String path, String body) {

    static Command post(String path, String body) {
        return new Command("POST", path, body);
    }

    static Command put(String path, String body) {
        return new Command("PUT", path, body);
    }

    static Command delete(String path) {
        return new Command("DELETE", path, null);
    }
}
