package io.planwright.formats.plan;

import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.JsonTreeReader;
import io.planwright.formats.tree.Node;
import io.planwright.formats.tree.Node.ListNode;
import io.planwright.formats.tree.Node.MapNode;
import io.planwright.formats.tree.Node.ScalarNode;
import io.planwright.formats.tree.SyntaxError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The plan file's keys, declared once: every section (the plan, its charter, objectives and KPIs,
 * deliverables, calendars, resources, tasks and what a task holds, risks, stakeholders, communication
 * items, baselines) with its keys in the order the file writes them, each with what its value may be
 * (a JSON Schema fragment: type, pattern, enum, description). The reader takes its known keys from here
 * (an unknown key is reported with a suggestion from these), and {@code docs/plan.schema.json}, which
 * editors check plan files against, is generated from here ({@link #schema()}; {@code
 * PlanSchemaIsCurrentTest} keeps the committed file current), and the writer writes only these keys, in
 * this order (the same test, on the examples). Adding a key to the plan file is declaring it here, then
 * reading and writing its value; the schema follows with -Dplanwright.writeSchema=true.
 */
public final class PlanKeys {

    private PlanKeys() {
    }

    /** A piece of JSON Schema. */
    interface Schema {
        Node node();
    }

    /** One key of a section and what its value may be. */
    public record Key(String name, Schema value) {
    }

    /** A section: an object of known keys (no others), with the rest of its schema (required keys, description). */
    public static final class Keys implements Schema {
        private final Schema extra;
        private final List<Key> keys;
        private final Set<String> names;

        Keys(Schema extra, List<Key> keys) {
            this.extra = extra;
            this.keys = List.copyOf(keys);
            Set<String> n = new LinkedHashSet<>();
            keys.forEach(k -> n.add(k.name()));
            this.names = Collections.unmodifiableSet(n);
        }

        /** The section's keys, in the order the file writes them. */
        public Set<String> names() {
            return names;
        }

        public List<Key> keys() {
            return keys;
        }

        private static boolean isHeading(String keyword) {
            return keyword.startsWith("$") || keyword.equals("title") || keyword.equals("description");
        }

        @Override
        public Node node() {
            MapNode.Builder b = MapNode.builder();
            List<Node.Entry> more = extra == null ? List.of() : ((MapNode) extra.node()).entries();
            // what a schema says about itself first ($schema, $id, title, description), then what it is
            more.stream().filter(e -> isHeading(e.key().text())).forEach(e -> b.put(e.key().text(), e.value()));
            b.put("type", ScalarNode.string("object"));
            b.put("additionalProperties", ScalarNode.bool(false));
            more.stream().filter(e -> !isHeading(e.key().text())).forEach(e -> b.put(e.key().text(), e.value()));
            MapNode.Builder props = MapNode.builder();
            keys.forEach(k -> props.put(k.name(), k.value().node()));
            b.put("properties", props.build());
            return b.build();
        }
    }

    static Schema raw(String json) {
        Node node;
        try {
            node = JsonTreeReader.read(json);
        } catch (SyntaxError e) {
            throw new IllegalStateException("a schema fragment that is not JSON: " + json, e);
        }
        return () -> node;
    }

    /** An object of schema keywords whose values are fragments: {@code node("type", OBJECT_TYPE, "items", X)}. */
    static Schema node(Object... keywordsAndValues) {
        return () -> {
            MapNode.Builder b = MapNode.builder();
            for (int i = 0; i < keywordsAndValues.length; i += 2) {
                b.put((String) keywordsAndValues[i], ((Schema) keywordsAndValues[i + 1]).node());
            }
            return b.build();
        };
    }

    static Schema list(Schema... items) {
        return () -> {
            List<Node> out = new ArrayList<>();
            for (Schema s : items) {
                out.add(s.node());
            }
            return ListNode.of(out);
        };
    }

    static Keys keys(Schema extra, Key... keys) {
        return new Keys(extra, List.of(keys));
    }

    static Key key(String name, Schema value) {
        return new Key(name, value);
    }

    private record Def(String name, Schema value) {
    }

    private static Def def(String name, Schema value) {
        return new Def(name, value);
    }

    // ------------------------------------------------------------------ values used by several keys

    static final Schema DATE = raw("{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}([T ]\\\\d{2}:\\\\d{2}(:\\\\d{2})?)?$\"}");
    static final Schema TEXT = raw("{\"type\":\"string\"}");
    static final Schema OBJECT_TYPE = raw("\"object\"");
    static final Schema ID_PATTERN = raw("{\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"}");
    static final Schema ID_LIST = raw("{\"oneOf\":[{\"type\":\"array\",\"items\":{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"}},{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"}]}");
    /** an audience entry: a party or role id, a RACI part (raci:I) or a group (group:Project office) */
    static final Schema AUDIENCE = raw("{\"oneOf\":[{\"type\":\"array\",\"items\":{\"type\":\"string\",\"pattern\":\"^([A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*|raci:[RACIraci]|group:.+)$\"}},{\"type\":\"string\"}]}");
    static final Schema ID = raw("{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"}");
    static final Schema ARRAY_TYPE = raw("\"array\"");
    static final Schema PERCENT = raw("{\"oneOf\":[{\"type\":\"string\",\"pattern\":\"^-?\\\\d+(\\\\.\\\\d+)?%$\"},{\"type\":\"number\"}]}");
    static final Schema TASKS_REF = raw("{\"$ref\":\"#/$defs/tasks\"}");
    static final Schema DURATION = raw("{\"oneOf\":[{\"type\":\"string\",\"pattern\":\"^[+-]?(\\\\d+(\\\\.\\\\d*)?|\\\\.\\\\d+)\\\\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mons?|months?|em|eh|ed|ew|emo|e(min|mins|minutes?|hrs?|hours?|days?|wks?|weeks?|mons?|months?)|elapsed\\\\s+\\\\w+)?$\"},{\"type\":\"number\"}],\"description\":\"3d, 4h, 2w, 1.5mo; elapsed 3ed; a bare number is days\"}");
    static final Schema THREE_POINT_TEXT = raw("{\"type\":\"string\",\"pattern\":\"^[^/]+/[^/]+/[^/]+$\",\"description\":\"optimistic / most likely / pessimistic, such as 3d / 5d / 9d\"}");
    static final Schema THREE_POINT_LIST = raw("{\"type\":\"array\",\"minItems\":3,\"maxItems\":3,\"items\":{\"oneOf\":[{\"type\":\"string\",\"pattern\":\"^[+-]?(\\\\d+(\\\\.\\\\d*)?|\\\\.\\\\d+)\\\\s*(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?|mo|mons?|months?|em|eh|ed|ew|emo|e(min|mins|minutes?|hrs?|hours?|days?|wks?|weeks?|mons?|months?)|elapsed\\\\s+\\\\w+)?$\"},{\"type\":\"number\"}],\"description\":\"3d, 4h, 2w, 1.5mo; elapsed 3ed; a bare number is days\"}}");

    // ------------------------------------------------------------------ the sections

    /** plan: #/properties/plan */
    public static final Keys PLAN = keys(raw("{\"required\":[\"name\"]}"),
                key("name", raw("{\"type\":\"string\",\"description\":\"the plan's name\"}")),
                key("description", raw("{\"type\":\"string\",\"description\":\"what the plan is about\"}")),
                key("start", raw("{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}([T ]\\\\d{2}:\\\\d{2}(:\\\\d{2})?)?$\",\"description\":\"when work may begin\"}")),
                key("finish", raw("{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}([T ]\\\\d{2}:\\\\d{2}(:\\\\d{2})?)?$\",\"description\":\"required finish (for schedule-from: finish)\"}")),
                key("schedule-from", raw("{\"enum\":[\"start\",\"finish\"]}")),
                key("status-date", DATE),
                key("reschedule-remaining", raw("{\"type\":\"boolean\",\"description\":\"work left of a started task that is behind resumes at the status date (MS Project's move start of remaining parts forward to the status date)\"}")),
                key("time-zone", raw("{\"type\":\"string\",\"description\":\"IANA zone, such as Europe/Berlin\"}")),
                key("currency", raw("{\"type\":\"string\",\"pattern\":\"^[A-Za-z]{3}$\"}")),
                key("calendar", raw("{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\",\"description\":\"default calendar\"}")),
                key("hours-per-day", raw("{\"type\":\"number\",\"exclusiveMinimum\":0,\"maximum\":24}")),
                key("hours-per-week", raw("{\"type\":\"number\",\"exclusiveMinimum\":0,\"maximum\":168}")),
                key("days-per-month", raw("{\"type\":\"integer\",\"minimum\":1,\"maximum\":31}")),
                key("distribution", raw("{\"enum\":[\"triangular\",\"pert\"]}")));

    /** charter: #/properties/charter */
    public static final Keys CHARTER = keys(null,
                key("purpose", TEXT),
                key("in-scope", raw("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}")),
                key("out-of-scope", raw("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}")),
                key("assumptions", raw("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}")),
                key("constraints", raw("{\"type\":\"array\",\"items\":{\"type\":\"string\"}}")));

    /** kpi measurement: #/properties/objectives/additionalProperties/properties/kpis/additionalProperties/properties/measurements/items */
    public static final Keys MEASUREMENT = keys(raw("{\"required\":[\"date\",\"value\"]}"),
                            key("date", raw("{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}")),
                            key("value", raw("{\"type\":\"number\"}")),
                            key("note", TEXT));

    /** kpi: #/properties/objectives/additionalProperties/properties/kpis/additionalProperties */
    public static final Keys KPI = keys(null,
                            key("name", TEXT),
                            key("unit", TEXT),
                            key("baseline", raw("{\"type\":\"number\"}")),
                            key("target", raw("{\"type\":\"number\"}")),
                            key("target-date", raw("{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}")),
                            key("current", raw("{\"type\":\"number\"}")),
                            key("measurements", node("type", ARRAY_TYPE, "description", raw("\"the KPI's value over time: date, value and a note\""), "items", MEASUREMENT)));

    /** objective: #/properties/objectives/additionalProperties */
    public static final Keys OBJECTIVE = keys(null,
                    key("name", TEXT),
                    key("description", TEXT),
                    key("kpis", node("type", OBJECT_TYPE, "description", raw("\"KPIs by id\""), "propertyNames", ID_PATTERN, "additionalProperties", KPI)));

    /** deliverable: #/properties/deliverables/additionalProperties */
    public static final Keys DELIVERABLE = keys(null,
                    key("name", TEXT),
                    key("description", TEXT),
                    key("objectives", ID_LIST),
                    key("tasks", ID_LIST),
                    key("due", raw("{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}")),
                    key("acceptance", TEXT),
                    key("approval", raw("{\"enum\":[\"required\",\"none\"],\"description\":\"required: it counts as accepted only when its approvers (by default its Accountable in the RACI) approved it\"}")),
                    key("approvers", raw("{\"type\":\"array\",\"description\":\"the stakeholders who sign it off (their ids); naming them makes approval required\",\"items\":{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"}}")),
                    key("raci", raw("{\"type\":\"object\",\"description\":\"party (resource, stakeholder or role) to R, A, C or I\",\"propertyNames\":{\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"},\"additionalProperties\":{\"type\":\"string\",\"pattern\":\"^([Rr]|[Aa]|[Cc]|[Ii]|[Rr][Ee][Ss][Pp][Oo][Nn][Ss][Ii][Bb][Ll][Ee]|[Aa][Cc][Cc][Oo][Uu][Nn][Tt][Aa][Bb][Ll][Ee]|[Cc][Oo][Nn][Ss][Uu][Ll][Tt][Ee][Dd]|[Ii][Nn][Ff][Oo][Rr][Mm][Ee][Dd])$\"}}")));

    /** week: #/properties/calendars/additionalProperties/properties/week */
    public static final Keys WEEK = keys(null,
                        key("mon", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("tue", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("wed", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("thu", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("fri", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("sat", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("sun", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("monday", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("tuesday", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("wednesday", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("thursday", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("friday", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("saturday", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")),
                        key("sunday", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")));

    /** exception: #/properties/calendars/additionalProperties/properties/exceptions/items */
    public static final Keys EXCEPTION = keys(null,
                            key("date", raw("{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}")),
                            key("from", raw("{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}")),
                            key("to", raw("{\"type\":\"string\",\"pattern\":\"^\\\\d{4}-\\\\d{2}-\\\\d{2}$\"}")),
                            key("name", TEXT),
                            key("hours", raw("{\"oneOf\":[{\"type\":\"string\",\"description\":\"08:00-12:00, 13:00-17:00 or off\"},{\"type\":\"array\",\"items\":{\"type\":\"string\"}}]}")));

    /** calendar: #/properties/calendars/additionalProperties */
    public static final Keys CALENDAR = keys(null,
                    key("name", TEXT),
                    key("base", ID),
                    key("week", WEEK),
                    key("exceptions", node("type", ARRAY_TYPE, "items", EXCEPTION)));

    /** resource: #/properties/resources/additionalProperties */
    public static final Keys RESOURCE = keys(null,
                    key("name", TEXT),
                    key("type", raw("{\"enum\":[\"work\",\"material\",\"cost\"]}")),
                    key("max-units", PERCENT),
                    key("rate", raw("{\"type\":[\"string\",\"number\"],\"description\":\"95/h, 760/d, 12.5/unit\"}")),
                    key("overtime-rate", raw("{\"type\":[\"string\",\"number\"]}")),
                    key("cost-per-use", raw("{\"type\":\"number\"}")),
                    key("calendar", ID),
                    key("label", TEXT),
                    key("email", TEXT),
                    key("group", TEXT));

    /** risk estimate: #/properties/risks/additionalProperties/properties/schedule-impact/oneOf/1/oneOf/2 */
    public static final Keys RISK_ESTIMATE = keys(raw("{\"required\":[\"optimistic\",\"likely\",\"pessimistic\"]}"),
                                key("optimistic", DURATION),
                                key("likely", DURATION),
                                key("pessimistic", DURATION),
                                key("distribution", raw("{\"enum\":[\"triangular\",\"pert\"]}")));

    /** risk: #/properties/risks/additionalProperties */
    public static final Keys RISK = keys(null,
                    key("title", TEXT),
                    key("description", TEXT),
                    key("cause", TEXT),
                    key("effect", TEXT),
                    key("category", TEXT),
                    key("probability", PERCENT),
                    key("impact", raw("{\"oneOf\":[{\"enum\":[\"very-low\",\"low\",\"medium\",\"high\",\"very-high\"]},{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}],\"description\":\"very-low, low, medium, high, very-high, or 1 to 5\"}")),
                    key("schedule-impact", node("oneOf", list(DURATION, node("oneOf", list(THREE_POINT_TEXT, THREE_POINT_LIST, RISK_ESTIMATE))))),
                    key("cost-impact", raw("{\"oneOf\":[{\"type\":\"number\"},{\"type\":\"string\"},{\"type\":\"object\"}]}")),
                    key("owner", ID),
                    key("response", raw("{\"enum\":[\"avoid\",\"mitigate\",\"transfer\",\"accept\",\"escalate\"]}")),
                    key("mitigation", TEXT),
                    key("contingency", TEXT),
                    key("trigger", TEXT),
                    key("status", raw("{\"enum\":[\"open\",\"occurred\",\"closed\"]}")),
                    key("tasks", ID_LIST));

    /** stakeholder: #/properties/stakeholders/additionalProperties */
    public static final Keys STAKEHOLDER = keys(null,
                    key("name", TEXT),
                    key("organisation", TEXT),
                    key("organization", TEXT),
                    key("role", TEXT),
                    key("influence", raw("{\"oneOf\":[{\"enum\":[\"very-low\",\"low\",\"medium\",\"high\",\"very-high\"]},{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}],\"description\":\"very-low, low, medium, high, very-high, or 1 to 5\"}")),
                    key("interest", raw("{\"oneOf\":[{\"enum\":[\"very-low\",\"low\",\"medium\",\"high\",\"very-high\"]},{\"type\":\"integer\",\"minimum\":1,\"maximum\":5}],\"description\":\"very-low, low, medium, high, very-high, or 1 to 5\"}")),
                    key("engagement", raw("{\"enum\":[\"unaware\",\"resistant\",\"neutral\",\"supportive\",\"leading\"]}")),
                    key("desired-engagement", raw("{\"enum\":[\"unaware\",\"resistant\",\"neutral\",\"supportive\",\"leading\"]}")),
                    key("contact", TEXT),
                    key("notes", TEXT));

    /** communication: #/properties/communications/additionalProperties */
    public static final Keys COMMUNICATION = keys(null,
                    key("name", TEXT),
                    key("purpose", TEXT),
                    key("audience", AUDIENCE),
                    key("channel", TEXT),
                    key("frequency", raw("{\"enum\":[\"once\",\"daily\",\"weekly\",\"biweekly\",\"monthly\",\"quarterly\",\"milestone\",\"on-event\"]}")),
                    key("owner", ID),
                    key("content", TEXT),
                    key("schedule", raw("{\"type\":\"string\",\"pattern\":\"^\\\\s*(weekly|biweekly|every|monthly|at|on)\\\\b\",\"description\":\"when it goes out, in the plan's time zone: weekly mon 09:00, every 2 weeks fri 14:00, monthly 1 09:00, at milestones, on milestone-missed, risk-triggered, forecast-past-deadline\"}")),
                    key("webhook", raw("{\"type\":\"string\",\"pattern\":\"^https?://\",\"description\":\"a URL the message is also posted to as JSON (Slack and Teams compatible), signed with the plan's secret\"}")),
                    key("sections", raw("{\"type\":\"array\",\"items\":{\"type\":\"string\"},\"description\":\"the report's sections, in order\"}")),
                    key("questions", raw("{\"type\":\"array\",\"description\":\"the questions its recipients answer on its feedback form, besides their confidence in the plan\",\"items\":{\"type\":\"string\"}}")));

    /** baseline task: #/properties/baselines/additionalProperties/properties/tasks/additionalProperties */
    public static final Keys BASELINE_TASK = keys(null,
                            key("start", DATE),
                            key("finish", DATE),
                            key("duration", DURATION),
                            key("work", DURATION),
                            key("cost", raw("{\"type\":\"number\"}")));

    /** baseline: #/properties/baselines/additionalProperties */
    public static final Keys BASELINE = keys(null,
                    key("name", TEXT),
                    key("saved", DATE),
                    key("tasks", node("type", OBJECT_TYPE, "propertyNames", ID_PATTERN, "additionalProperties", BASELINE_TASK)));

    /** estimate: #/$defs/task/properties/estimate/oneOf/2 */
    public static final Keys ESTIMATE = keys(raw("{\"required\":[\"optimistic\",\"likely\",\"pessimistic\"]}"),
                    key("optimistic", DURATION),
                    key("likely", DURATION),
                    key("pessimistic", DURATION),
                    key("distribution", raw("{\"enum\":[\"triangular\",\"pert\"]}")));

    /** link: #/$defs/task/properties/after/oneOf/0/items/oneOf/1 */
    public static final Keys LINK = keys(raw("{\"required\":[\"task\"]}"),
                            key("task", ID),
                            key("type", raw("{\"type\":\"string\",\"pattern\":\"^([Ff][Ss]|[Ss][Ss]|[Ff][Ff]|[Ss][Ff])$\"}")),
                            key("lag", DURATION));

    /** constraint: #/$defs/task/properties/constraint/oneOf/1 */
    public static final Keys CONSTRAINT = keys(raw("{\"required\":[\"type\"]}"),
                    key("type", raw("{\"type\":\"string\",\"pattern\":\"^([Aa][Ss][Aa][Pp]|[Aa][Ll][Aa][Pp]|[Ss][Nn][Ee][Tt]|[Ss][Nn][Ll][Tt]|[Ff][Nn][Ee][Tt]|[Ff][Nn][Ll][Tt]|[Mm][Ss][Oo]|[Mm][Ff][Oo])$\"}")),
                    key("date", DATE));

    /** assignment: #/$defs/task/properties/resources/oneOf/0/additionalProperties/oneOf/1 */
    public static final Keys ASSIGNMENT = keys(null,
                            key("units", PERCENT),
                            key("work", DURATION),
                            key("actual-work", raw("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"number\"}],\"description\":\"the work done, such as 24h\"}")),
                            key("remaining-work", raw("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"number\"}],\"description\":\"the work left, such as 16h\"}")),
                            key("actual-cost", raw("{\"type\":\"number\",\"description\":\"what the work done cost, in the plan's currency\"}")));

    /** split: #/$defs/task/properties/splits/items */
    public static final Keys SPLIT = keys(raw("{\"required\":[\"after\",\"pause\"]}"),
                    key("after", DURATION),
                    key("pause", DURATION));

    /** task: #/$defs/task */
    public static final Keys TASK = keys(null,
            key("name", raw("{\"type\":\"string\",\"description\":\"what the task is called\"}")),
            key("notes", raw("{\"type\":\"string\",\"description\":\"free text\"}")),
            key("milestone", raw("{\"type\":\"boolean\"}")),
            key("duration", DURATION),
            key("estimate", node("oneOf", list(THREE_POINT_TEXT, THREE_POINT_LIST, ESTIMATE))),
            key("after", node("oneOf", list(node("type", ARRAY_TYPE, "items", node("oneOf", list(raw("{\"type\":\"string\",\"description\":\"design, design SS, design FS+2d, design FF-1d, design SS+50%\"}"), LINK))), TEXT), "description", raw("\"predecessors\""))),
            key("constraint", node("oneOf", list(raw("{\"type\":\"string\",\"pattern\":\"^([Aa][Ss][Aa][Pp]|[Aa][Ll][Aa][Pp]|([Ss][Nn][Ee][Tt]|[Ss][Nn][Ll][Tt]|[Ff][Nn][Ee][Tt]|[Ff][Nn][Ll][Tt]|[Mm][Ss][Oo]|[Mm][Ff][Oo])\\\\s+\\\\d{4}-\\\\d{2}-\\\\d{2}([Tt ]\\\\d{2}:\\\\d{2}(:\\\\d{2})?)?)$\",\"description\":\"ASAP, ALAP, or a type and a date: SNET 2026-04-01\"}"), CONSTRAINT))),
            key("deadline", DATE),
            key("calendar", ID),
            key("resources", node("oneOf", list(node("type", OBJECT_TYPE, "propertyNames", ID_PATTERN, "additionalProperties", node("oneOf", list(PERCENT, ASSIGNMENT))), raw("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"}}")))),
            key("objectives", ID_LIST),
            key("raci", raw("{\"type\":\"object\",\"description\":\"party (resource, stakeholder or role) to R, A, C or I\",\"propertyNames\":{\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"},\"additionalProperties\":{\"type\":\"string\",\"pattern\":\"^([Rr]|[Aa]|[Cc]|[Ii]|[Rr][Ee][Ss][Pp][Oo][Nn][Ss][Ii][Bb][Ll][Ee]|[Aa][Cc][Cc][Oo][Uu][Nn][Tt][Aa][Bb][Ll][Ee]|[Cc][Oo][Nn][Ss][Uu][Ll][Tt][Ee][Dd]|[Ii][Nn][Ff][Oo][Rr][Mm][Ee][Dd])$\"}}")),
            key("approval", raw("{\"enum\":[\"required\",\"none\"],\"description\":\"required: it counts as accepted only when its approvers (by default its Accountable in the RACI) approved it\"}")),
            key("approvers", raw("{\"type\":\"array\",\"description\":\"the stakeholders who sign it off (their ids); naming them makes approval required\",\"items\":{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"}}")),
            key("manual", raw("{\"type\":\"boolean\",\"description\":\"manually scheduled: keeps start and finish\"}")),
            key("start", DATE),
            key("finish", DATE),
            key("progress", PERCENT),
            key("actual-start", DATE),
            key("actual-finish", DATE),
            key("physical-progress", raw("{\"oneOf\":[{\"type\":\"string\",\"pattern\":\"^-?\\\\d+(\\\\.\\\\d+)?%$\"},{\"type\":\"number\"}],\"description\":\"the share of the deliverable done, as the team judges it\"}")),
            key("remaining", raw("{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"number\"}],\"description\":\"the work left as reported, such as 3d\"}")),
            key("earned-by", raw("{\"enum\":[\"progress\",\"physical-progress\"],\"description\":\"which percentage earned value counts (MS Project's earned value method)\"}")),
            key("priority", raw("{\"type\":\"integer\",\"minimum\":0,\"maximum\":1000}")),
            key("fixed-cost", raw("{\"type\":\"number\"}")),
            key("fields", raw("{\"type\":\"object\",\"additionalProperties\":{\"type\":[\"string\",\"number\",\"boolean\"]}}")),
            key("tasks", TASKS_REF),
            key("type", raw("{\"enum\":[\"fixed-units\",\"fixed-work\",\"fixed-duration\"],\"description\":\"MS Project's task type; fixed units and fixed work tasks run on their resources' calendars\"}")),
            key("splits", node("type", ARRAY_TYPE, "description", raw("\"pauses in the task's work (MS Project's split tasks)\""), "items", SPLIT)));

    /** The definitions the sections refer to ({@code #/$defs/...}): the tasks, which nest. */
    private static final List<Def> DEFS = List.of(
            def("tasks", raw("{\"type\":\"object\",\"description\":\"tasks by id; a task with 'tasks' is a phase (summary task)\",\"propertyNames\":{\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"},\"additionalProperties\":{\"$ref\":\"#/$defs/task\"}}")),
            def("task", TASK));

    /** The top level of a plan file. */
    public static final Keys TOP = keys(raw("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$id\":\"https://planwright.io/schema/plan-1.schema.json\",\"title\":\"Planwright plan file\",\"description\":\"An implementation plan: charter, objectives and KPIs, WBS, calendars, resources, RACI, risks, stakeholders and communication plan. See docs/plan-format.md.\",\"required\":[\"plan\"]}"),
            key("planwright", raw("{\"const\":1,\"description\":\"format version\"}")),
            key("plan", PLAN),
            key("charter", CHARTER),
            key("roles", raw("{\"type\":\"array\",\"items\":{\"type\":\"string\",\"pattern\":\"^[A-Za-z0-9\\\\u00C0-\\\\uFFFF][A-Za-z0-9_.\\\\-\\\\u00C0-\\\\uFFFF]*$\"},\"uniqueItems\":true}")),
            key("objectives", node("type", OBJECT_TYPE, "description", raw("\"objectives by id\""), "propertyNames", ID_PATTERN, "additionalProperties", OBJECTIVE)),
            key("deliverables", node("type", OBJECT_TYPE, "description", raw("\"deliverables by id\""), "propertyNames", ID_PATTERN, "additionalProperties", DELIVERABLE)),
            key("calendars", node("type", OBJECT_TYPE, "description", raw("\"calendars by id\""), "propertyNames", ID_PATTERN, "additionalProperties", CALENDAR)),
            key("resources", node("type", OBJECT_TYPE, "description", raw("\"resources by id\""), "propertyNames", ID_PATTERN, "additionalProperties", RESOURCE)),
            key("tasks", TASKS_REF),
            key("risks", node("type", OBJECT_TYPE, "description", raw("\"the risk register by id\""), "propertyNames", ID_PATTERN, "additionalProperties", RISK)),
            key("stakeholders", node("type", OBJECT_TYPE, "description", raw("\"the stakeholder register by id\""), "propertyNames", ID_PATTERN, "additionalProperties", STAKEHOLDER)),
            key("communications", node("type", OBJECT_TYPE, "description", raw("\"the communication plan by id\""), "propertyNames", ID_PATTERN, "additionalProperties", COMMUNICATION)),
            key("baselines", node("type", OBJECT_TYPE, "description", raw("\"saved copies of the plan's dates and costs, by id\""), "propertyNames", ID_PATTERN, "additionalProperties", BASELINE)));

    /** The JSON Schema of plan files, as docs/plan.schema.json holds it. */
    public static String schema() {
        MapNode top = (MapNode) TOP.node();
        MapNode.Builder b = MapNode.builder();
        for (Node.Entry e : top.entries()) {
            if (e.key().text().equals("properties")) {
                MapNode.Builder defs = MapNode.builder();
                DEFS.forEach(d -> defs.put(d.name(), d.value().node()));
                b.put("$defs", defs.build());
            }
            b.put(e.key().text(), e.value());
        }
        return JsonEmitter.write(b.build());
    }
}
