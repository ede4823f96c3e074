package io.planwright.server.plans;

import io.planwright.server.shared.NotFound;
import io.planwright.server.shared.StaleRevision;
import io.planwright.server.shared.EntryExists;
import io.planwright.server.shared.Revisions;
import io.planwright.core.model.Baseline;
import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Deliverable;
import io.planwright.core.model.Objective;
import io.planwright.core.model.Plan;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Risk;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;
import io.planwright.core.model.WorkCalendar;
import io.planwright.server.plans.PlanAccess.Role;
import io.planwright.server.shared.FieldProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * One collection of a plan over HTTP: list, read, create, replace, delete. Reads need a viewer, changes
 * an editor; every change names the revision it is based on (If-Match) and answers with the new one
 * (ETag). The body is the entry as the plan file writes it, in JSON.
 */
public abstract class SectionController<T> {

    private final Section<T> section;
    private final PlanService plans;
    private final PlanAccess access;

    private ObjectMapper json;

    protected SectionController(Section<T> section, PlanService plans, PlanAccess access) {
        this.section = section;
        this.plans = plans;
        this.access = access;
    }

    @Autowired
    void setJson(ObjectMapper json) {
        this.json = json;
    }

    @GetMapping
    public ResponseEntity<List<T>> list(@PathVariable long planId) {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        return ResponseEntity.ok().eTag(Revisions.etag(state.revision())).body(section.list().apply(state.plan()));
    }

    @GetMapping("/{itemId}")
    public ResponseEntity<T> read(@PathVariable long planId, @PathVariable String itemId) {
        access.require(planId, Role.VIEWER);
        PlanState state = plans.current(planId);
        T entry = find(state.plan(), itemId).orElseThrow(() -> new NotFound(section.kind() + " '" + itemId + "'"));
        return ResponseEntity.ok().eTag(Revisions.etag(state.revision())).body(entry);
    }

    /**
     * A new entry, at the end of its collection (a task: at the end of its phase); a task with
     * {@code ?before=ID} takes that task's place instead, which moves down (MS Project's Insert).
     */
    @PostMapping
    public ResponseEntity<T> create(@PathVariable long planId, @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                    @RequestParam(name = "before", required = false) String before, @RequestBody T entry) {
        access.require(planId, Role.EDITOR);
        long base = Revisions.ifMatch(ifMatch);
        if (before != null && section != Section.TASKS) {
            throw new IllegalArgumentException("before= places tasks only; other entries are kept in the order they were added");
        }
        String id = section.id().apply(entry);
        EntryIds.problem(section, id).ifPresent(message -> {
            throw new FieldProblem("id", message);
        });
        URI location = URI.create("/api/v1/plans/" + planId + "/" + section.path() + "/" + id);
        PlanState state = change(planId, base, "create " + section.kind() + " " + id, id, plan -> {
            if (find(plan, id).isPresent()) {
                throw new EntryExists(section.kind() + " '" + id + "' exists already; change it with PUT");
            }
            return before == null ? PlanEdits.put(plan, section, entry) : PlanEdits.insertTaskBefore(plan, (Task) entry, before);
        });
        return Revisions.after(ResponseEntity.status(HttpStatus.CREATED), base, state.revision()).location(location).body(entry);
    }

    @PutMapping("/{itemId}")
    public ResponseEntity<T> replace(@PathVariable long planId, @PathVariable String itemId,
                                     @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody T entry) {
        access.require(planId, Role.EDITOR);
        long base = Revisions.ifMatch(ifMatch);
        if (!section.id().apply(entry).equals(itemId)) {
            throw new IllegalArgumentException("the id in the body ('" + section.id().apply(entry) + "') is not the one in the address ('" + itemId + "')");
        }
        PlanState state = change(planId, base, "change " + section.kind() + " " + itemId, itemId, plan -> {
            if (find(plan, itemId).isEmpty()) {
                throw new NotFound(section.kind() + " '" + itemId + "'");
            }
            return PlanEdits.put(plan, section, entry);
        });
        return Revisions.after(ResponseEntity.ok(), base, state.revision()).body(entry);
    }

    /**
     * Changes some fields of an entry: a JSON merge patch (RFC 7396), such as {@code {"duration": "3d"}};
     * a field set to null is removed. The id cannot change.
     */
    @PatchMapping(path = "/{itemId}", consumes = {"application/merge-patch+json", "application/json"})
    public ResponseEntity<T> patch(@PathVariable long planId, @PathVariable String itemId,
                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody JsonNode patch) {
        access.require(planId, Role.EDITOR);
        long base = Revisions.ifMatch(ifMatch);
        if (!(patch instanceof ObjectNode)) {
            throw new IllegalArgumentException("a merge patch is a JSON object of the fields to change");
        }
        if (patch.has("id") && !patch.get("id").asString().equals(itemId)) {
            throw new IllegalArgumentException("the id of a " + section.kind() + " cannot be changed; create a new one and delete this one");
        }
        Object[] result = new Object[1];
        PlanState state = change(planId, base, "change " + section.kind() + " " + itemId, itemId, plan -> {
            T entry = find(plan, itemId).orElseThrow(() -> new NotFound(section.kind() + " '" + itemId + "'"));
            JsonNode merged = merge(json.valueToTree(entry), patch);
            T changed = json.treeToValue(merged, section.type());
            result[0] = changed;
            return PlanEdits.put(plan, section, changed);
        });
        return Revisions.after(ResponseEntity.ok(), base, state.revision()).body(section.type().cast(result[0]));
    }

    /** RFC 7396: objects merge member by member, null removes, anything else replaces. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!(patch instanceof ObjectNode patchObject)) {
            return patch;
        }
        ObjectNode out = target instanceof ObjectNode o ? o.deepCopy() : patchObject.objectNode();
        for (var field : patchObject.properties()) {
            if (field.getValue().isNull()) {
                out.remove(field.getKey());
            } else {
                out.set(field.getKey(), merge(out.get(field.getKey()), field.getValue()));
            }
        }
        return out;
    }

    @DeleteMapping("/{itemId}")
    public ResponseEntity<Void> delete(@PathVariable long planId, @PathVariable String itemId,
                                       @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        access.require(planId, Role.EDITOR);
        long base = Revisions.ifMatch(ifMatch);
        PlanState state = change(planId, base, "delete " + section.kind() + " " + itemId, itemId, plan -> {
            if (find(plan, itemId).isEmpty()) {
                throw new NotFound(section.kind() + " '" + itemId + "'");
            }
            return PlanEdits.delete(plan, section, itemId);
        });
        return Revisions.after(ResponseEntity.status(HttpStatus.NO_CONTENT), base, state.revision()).build();
    }

    private PlanState change(long planId, long base, String action, String itemId, java.util.function.UnaryOperator<Plan> edit) {
        try {
            return plans.edit(planId, base, access.account().id(), action, edit, section.kind(), itemId);
        } catch (StaleRevision e) {
            PlanState now = plans.current(planId);
            throw new Revisions.Conflict(now.revision(), find(now.plan(), itemId).orElse(null));
        }
    }

    private Optional<T> find(Plan plan, String id) {
        return section.list().apply(plan).stream().filter(e -> section.id().apply(e).equals(id)).findFirst();
    }

    // ------------------------------------------------------------------ the collections

    @RestController
    @RequestMapping("/api/v1/plans/{planId}/tasks")
    public static class Tasks extends SectionController<Task> {
        public Tasks(PlanService plans, PlanAccess access) {
            super(Section.TASKS, plans, access);
        }
    }

    @RestController
    @RequestMapping("/api/v1/plans/{planId}/resources")
    public static class Resources extends SectionController<Resource> {
        public Resources(PlanService plans, PlanAccess access) {
            super(Section.RESOURCES, plans, access);
        }
    }

    @RestController
    @RequestMapping("/api/v1/plans/{planId}/calendars")
    public static class Calendars extends SectionController<WorkCalendar> {
        public Calendars(PlanService plans, PlanAccess access) {
            super(Section.CALENDARS, plans, access);
        }
    }

    @RestController
    @RequestMapping("/api/v1/plans/{planId}/objectives")
    public static class Objectives extends SectionController<Objective> {
        public Objectives(PlanService plans, PlanAccess access) {
            super(Section.OBJECTIVES, plans, access);
        }
    }

    @RestController
    @RequestMapping("/api/v1/plans/{planId}/deliverables")
    public static class Deliverables extends SectionController<Deliverable> {
        public Deliverables(PlanService plans, PlanAccess access) {
            super(Section.DELIVERABLES, plans, access);
        }
    }

    @RestController
    @RequestMapping("/api/v1/plans/{planId}/risks")
    public static class Risks extends SectionController<Risk> {
        public Risks(PlanService plans, PlanAccess access) {
            super(Section.RISKS, plans, access);
        }
    }

    @RestController
    @RequestMapping("/api/v1/plans/{planId}/stakeholders")
    public static class Stakeholders extends SectionController<Stakeholder> {
        public Stakeholders(PlanService plans, PlanAccess access) {
            super(Section.STAKEHOLDERS, plans, access);
        }
    }

    @RestController
    @RequestMapping("/api/v1/plans/{planId}/communications")
    public static class Communications extends SectionController<CommunicationItem> {
        public Communications(PlanService plans, PlanAccess access) {
            super(Section.COMMUNICATIONS, plans, access);
        }
    }

    @RestController
    @RequestMapping("/api/v1/plans/{planId}/baselines")
    public static class Baselines extends SectionController<Baseline> {
        public Baselines(PlanService plans, PlanAccess access) {
            super(Section.BASELINES, plans, access);
        }
    }
}
