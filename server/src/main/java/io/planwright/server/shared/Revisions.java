package io.planwright.server.shared;

/**
 * A plan's revision as an HTTP entity tag: {@code ETag: "12"} on what is read, {@code If-Match: "12"} on
 * what is changed, so that a change based on an old revision is refused (409) instead of overwriting.
 */
public final class Revisions {

    /** A change without If-Match: 428, it must say which revision it is based on. */
    public static final class Missing extends RuntimeException {
        public Missing() {
            super("send If-Match with the plan's revision (its ETag), so that a change never overwrites another", null, false, false);
        }
    }

    /** A change based on an old revision: 409, with the current revision and the current state of what it meant to change. */
    public static final class Conflict extends RuntimeException {
        private final long current;
        private final transient Object state;

        public Conflict(long current, Object state) {
            super("the plan changed since the revision this change is based on; it is at revision " + current
                    + " now: read it again, and apply your change to that", null, false, false);
            this.current = current;
            this.state = state;
        }

        public long current() {
            return current;
        }

        public Object state() {
            return state;
        }
    }

    private Revisions() {
    }

    /** The header that names the plan's revision after a change, whether or not it is an ETag. */
    public static final String REVISION_HEADER = "Planwright-Revision";

    /**
     * The plan's revision after a change: as {@code ETag} only when the caller has seen everything before
     * it (its change was based on the revision just before, or changed nothing). A change of one entry
     * based on an older revision is applied when that entry had not changed, but the caller has not seen
     * the others' changes in between: it gets the revision only as {@value #REVISION_HEADER} and reads the
     * plan (or what changed) before its next change, so that an ETag never stands for changes unseen.
     */
    public static <B extends org.springframework.http.ResponseEntity.HeadersBuilder<B>> B after(B b, long base, long revision) {
        b.header(REVISION_HEADER, Long.toString(revision));
        return revision == base + 1 || revision == base ? b.eTag(etag(revision)) : b;
    }

    public static String etag(long revision) {
        return "\"" + revision + "\"";
    }

    /**
     * A weak entity tag in If-Match: 412. If-Match compares strongly (RFC 9110, 13.1.1), so a weak tag
     * never matches; the plan's revisions are strong tags, sent back as they were read.
     */
    public static final class WeakTag extends RuntimeException {
        public WeakTag(String header) {
            super("If-Match needs the plan's revision as a strong ETag, such as \"12\"; a weak one (" + header.trim()
                    + ") never matches", null, false, false);
        }
    }

    /** The revision an If-Match header names ({@code "12"}, or {@code 12}); a weak tag ({@code W/"12"}) is refused. */
    public static long ifMatch(String header) {
        if (header == null || header.isBlank()) {
            throw new Missing();
        }
        String s = header.trim();
        if (s.startsWith("W/")) {
            throw new WeakTag(s.length() > 40 ? s.substring(0, 40) + "..." : s);
        }
        s = s.replace("\"", "").trim();
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("If-Match must name a revision of the plan, such as \"12\" (the ETag of what you read)");
        }
    }
}
