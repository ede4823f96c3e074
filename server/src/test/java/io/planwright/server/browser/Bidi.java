package io.planwright.server.browser;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stock Firefox driven over WebDriver BiDi (the W3C protocol Firefox speaks natively since 129), so
 * that the pages are tested in Firefox without geckodriver or a patched browser: navigate, evaluate,
 * real key presses, screenshots, and the page's console errors.
 */
final class Bidi implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process firefox;
    private final WebSocket socket;
    private final Listener listener;
    private final AtomicInteger ids = new AtomicInteger();
    /** The page's console errors and uncaught exceptions, as Firefox reported them. */
    final List<String> errors;
    private final String context;

    private Bidi(Process firefox, WebSocket socket, Listener listener) throws Exception {
        this.firefox = firefox;
        this.socket = socket;
        this.listener = listener;
        this.errors = listener.errors;
        send("session.new", JSON.createObjectNode().set("capabilities", JSON.createObjectNode()));
        send("session.subscribe", JSON.createObjectNode().set("events", JSON.createArrayNode().add("log.entryAdded")));
        this.context = send("browsingContext.getTree", JSON.createObjectNode()).get("contexts").get(0).get("context").asString();
        ObjectNode viewport = JSON.createObjectNode();
        viewport.put("context", context);
        viewport.set("viewport", JSON.createObjectNode().put("width", 1600).put("height", 900));
        send("browsingContext.setViewport", viewport);
    }

    static Bidi launch(Path executable, Path profile) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(profile);
        Process p = new ProcessBuilder(executable.toString(), "--headless", "--no-remote", "--profile", profile.toString(),
                "--remote-debugging-port=" + port, "about:blank").redirectErrorStream(true).redirectOutput(profile.resolve("firefox.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
            try {
                Listener listener = new Listener();
                WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/session"), listener).get(10, TimeUnit.SECONDS);
                return new Bidi(p, ws, listener);
            } catch (Exception e) {
                if (System.nanoTime() > deadline || !p.isAlive()) {
                    p.destroyForcibly();
                    throw new IllegalStateException("Firefox did not start its WebDriver BiDi server: " + Files.readString(profile.resolve("firefox.log")), e);
                }
                Thread.sleep(300);
            }
        }
    }

    /** Collects frames into messages; answers go to whoever waits for their id, console errors are kept. */
    private static final class Listener implements WebSocket.Listener {
        final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
        final List<String> errors = Collections.synchronizedList(new ArrayList<>());
        private final StringBuilder text = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                JsonNode m = JSON.readTree(text.toString());
                text.setLength(0);
                if (m.has("id")) {
                    CompletableFuture<JsonNode> f = pending.remove(m.get("id").asInt());
                    if (f != null) {
                        f.complete(m);
                    }
                } else if ("log.entryAdded".equals(m.path("method").asString()) && "error".equals(m.path("params").path("level").asString())) {
                    errors.add(m.path("params").path("text").asString());
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        listener.pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode m = answer.get(60, TimeUnit.SECONDS);
        if ("error".equals(m.path("type").asString())) {
            throw new IllegalStateException(method + ": " + m.path("error").asString() + ": " + m.path("message").asString());
        }
        return m.get("result");
    }

    void navigate(String url) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("context", context);
        p.put("url", url);
        p.put("wait", "complete");
        send("browsingContext.navigate", p);
    }

    /** Evaluates a function body's expression in the page (awaiting promises) and answers its value as JSON. */
    JsonNode eval(String expression) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("expression", expression);
        p.set("target", JSON.createObjectNode().put("context", context));
        p.put("awaitPromise", true);
        p.put("resultOwnership", "none");
        JsonNode r = send("script.evaluate", p);
        if ("exception".equals(r.path("type").asString())) {
            throw new IllegalStateException("in the page: " + r.path("exceptionDetails").path("text").asString());
        }
        return r.get("result");
    }

    String string(String expression) throws Exception {
        return eval(expression).path("value").asString();
    }

    double number(String expression) throws Exception {
        return eval(expression).path("value").asDouble();
    }

    boolean bool(String expression) throws Exception {
        return eval(expression).path("value").asBoolean();
    }

    void until(String expression) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!bool(expression)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page did not get to: " + expression);
            }
            Thread.sleep(50);
        }
    }

    /** Real key presses, as a user types them: each key down and up, in turn. */
    void keys(String... keys) throws Exception {
        var actions = JSON.createArrayNode();
        for (String k : keys) {
            actions.add(JSON.createObjectNode().put("type", "keyDown").put("value", k));
            actions.add(JSON.createObjectNode().put("type", "keyUp").put("value", k));
        }
        ObjectNode source = JSON.createObjectNode();
        source.put("type", "key");
        source.put("id", "keyboard");
        source.set("actions", actions);
        ObjectNode p = JSON.createObjectNode();
        p.put("context", context);
        p.set("actions", JSON.createArrayNode().add(source));
        send("input.performActions", p);
    }

    /** Types text, character by character. */
    void type(String text) throws Exception {
        keys(text.codePoints().mapToObj(Character::toString).toArray(String[]::new));
    }

    void screenshot(Path file) throws Exception {
        ObjectNode p = JSON.createObjectNode();
        p.put("context", context);
        Files.write(file, Base64.getDecoder().decode(send("browsingContext.captureScreenshot", p).get("data").asString()));
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        firefox.destroy();
        try {
            if (!firefox.waitFor(10, TimeUnit.SECONDS)) {
                firefox.destroyForcibly();
            }
        } catch (InterruptedException e) {
            firefox.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
