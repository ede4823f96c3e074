package io.planwright.core.communication;

import io.planwright.core.model.CommunicationItem;
import io.planwright.core.model.Plan;
import io.planwright.core.model.RaciEntry;
import io.planwright.core.model.RaciRole;
import io.planwright.core.model.Resource;
import io.planwright.core.model.Stakeholder;
import io.planwright.core.model.Task;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Who a communication item reaches, and at which address. An audience entry is a stakeholder (their
 * contact), a resource (their e-mail), a plan role or a group (the stakeholders whose role or organisation,
 * and the resources whose group, is that name: {@code group:Project office}), or a part in the RACI matrix
 * ({@code raci:I}: everyone informed of some task, who receive its reports; {@code raci:C}: everyone
 * consulted, who are asked for input). Only the plan's own people are ever addressed.
 */
public final class Audience {

    private Audience() {
    }

    public static final String RACI_PREFIX = "raci:";
    public static final String GROUP_PREFIX = "group:";
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+");

    /** One person reached: the party (a stakeholder or resource id), their name and address, and through which audience entry. */
    public record Addressee(String party, String name, String address, String via) {
    }

    /** A party the audience names who has no usable address, and why. */
    public record Unreached(String entry, String party, String why) {
    }

    /** The people an item reaches and the ones it cannot. */
    public record Resolution(List<Addressee> reached, List<Unreached> unreached) {
        public Resolution {
            reached = List.copyOf(reached);
            unreached = List.copyOf(unreached);
        }

        public List<String> addresses() {
            return reached.stream().map(Addressee::address).distinct().toList();
        }
    }

    /** Whether a text is an e-mail address as a mail server takes it. */
    public static boolean isAddress(String s) {
        return s != null && ADDRESS.matcher(s.trim()).matches();
    }

    /** Whether an audience entry names something of the plan (a party, a role, a group, or a RACI part); null when it does, else why not. */
    public static Optional<String> unknown(Plan plan, String entry) {
        if (entry.regionMatches(true, 0, RACI_PREFIX, 0, RACI_PREFIX.length())) {
            String r = entry.substring(RACI_PREFIX.length()).trim().toUpperCase(Locale.ROOT);
            return r.length() == 1 && "RACI".contains(r) ? Optional.empty()
                    : Optional.of("'" + entry + "' is not a RACI part; write raci:R, raci:A, raci:C or raci:I");
        }
        if (entry.regionMatches(true, 0, GROUP_PREFIX, 0, GROUP_PREFIX.length())) {
            String g = entry.substring(GROUP_PREFIX.length()).trim();
            return groupMembers(plan, g).isEmpty() ? Optional.of("no stakeholder or resource is in the group '" + g + "'") : Optional.empty();
        }
        return Optional.empty();
    }

    /** Whether the entry is a RACI part or a group, which the plan's parties do not list. */
    public static boolean isSpecial(String entry) {
        String e = entry.toLowerCase(Locale.ROOT);
        return e.startsWith(RACI_PREFIX) || e.startsWith(GROUP_PREFIX);
    }

    /** Every address the plan holds for its people: the stakeholders' contacts and the resources' e-mails. */
    public static Set<String> planAddresses(Plan plan) {
        Set<String> out = new LinkedHashSet<>();
        plan.stakeholders().stream().map(Stakeholder::contact).filter(Audience::isAddress).map(a -> a.trim().toLowerCase(Locale.ROOT)).forEach(out::add);
        plan.resources().stream().map(Resource::email).filter(Audience::isAddress).map(a -> a.trim().toLowerCase(Locale.ROOT)).forEach(out::add);
        return out;
    }

    /** The addressees of an item, each once (by address), in the order of its audience. */
    public static Resolution resolve(Plan plan, CommunicationItem item) {
        Map<String, Addressee> reached = new LinkedHashMap<>();
        List<Unreached> unreached = new ArrayList<>();
        for (String entry : item.audience()) {
            for (String party : parties(plan, entry)) {
                reach(plan, entry, party, reached, unreached);
            }
        }
        return new Resolution(List.copyOf(reached.values()), unreached);
    }

    /** The parties an entry stands for: itself, the members of a role or group, or the RACI part's parties. */
    static List<String> parties(Plan plan, String entry) {
        if (entry.regionMatches(true, 0, RACI_PREFIX, 0, RACI_PREFIX.length())) {
            String r = entry.substring(RACI_PREFIX.length()).trim().toUpperCase(Locale.ROOT);
            Set<String> out = new LinkedHashSet<>();
            for (Task t : plan.tasks()) {
                for (RaciEntry e : t.raci()) {
                    if (e.role() == RaciRole.fromText(r)) {
                        out.addAll(parties(plan, e.party()));
                    }
                }
            }
            return List.copyOf(out);
        }
        if (entry.regionMatches(true, 0, GROUP_PREFIX, 0, GROUP_PREFIX.length())) {
            return groupMembers(plan, entry.substring(GROUP_PREFIX.length()).trim());
        }
        if (plan.roles().contains(entry) && plan.stakeholders().stream().noneMatch(s -> s.id().equals(entry))
                && plan.resources().stream().noneMatch(r -> r.id().equals(entry))) {
            List<String> members = groupMembers(plan, entry);
            return members.isEmpty() ? List.of(entry) : members;
        }
        return List.of(entry);
    }

    private static List<String> groupMembers(Plan plan, String name) {
        List<String> out = new ArrayList<>();
        for (Stakeholder s : plan.stakeholders()) {
            if (name.equalsIgnoreCase(trim(s.role())) || name.equalsIgnoreCase(trim(s.organisation()))) {
                out.add(s.id());
            }
        }
        for (Resource r : plan.resources()) {
            if (name.equalsIgnoreCase(trim(r.group()))) {
                out.add(r.id());
            }
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }

    private static void reach(Plan plan, String entry, String party, Map<String, Addressee> reached, List<Unreached> unreached) {
        Optional<Stakeholder> s = plan.stakeholders().stream().filter(x -> x.id().equals(party)).findFirst();
        if (s.isPresent()) {
            add(entry, party, s.get().name(), s.get().contact(), "stakeholder", reached, unreached);
            return;
        }
        Optional<Resource> r = plan.resources().stream().filter(x -> x.id().equals(party)).findFirst();
        if (r.isPresent()) {
            add(entry, party, r.get().name(), r.get().email(), "resource", reached, unreached);
            return;
        }
        if (plan.roles().contains(party)) {
            unreached.add(new Unreached(entry, party, "the role '" + party + "' has no members with an address (no stakeholder's role or resource's group is '"
                    + party + "')"));
            return;
        }
        unreached.add(new Unreached(entry, party, "'" + party + "' is neither a stakeholder, a resource nor a role of the plan"));
    }

    private static void add(String entry, String party, String name, String address, String kind, Map<String, Addressee> reached,
                            List<Unreached> unreached) {
        if (address == null || address.isBlank()) {
            unreached.add(new Unreached(entry, party, "the " + kind + " '" + party + "' (" + name + ") has no e-mail address"
                    + (kind.equals("stakeholder") ? " (contact)" : "")));
        } else if (!isAddress(address)) {
            unreached.add(new Unreached(entry, party, "the " + kind + " '" + party + "' (" + name + ") has '" + address + "', which is not an e-mail address"));
        } else {
            reached.putIfAbsent(address.trim().toLowerCase(Locale.ROOT), new Addressee(party, name, address.trim(), entry));
        }
    }
}
