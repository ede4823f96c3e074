package io.planwright.formats.exchange;

import org.mpxj.Duration;
import org.mpxj.ProjectFile;
import org.mpxj.Relation;
import org.mpxj.RelationType;
import org.mpxj.Task;
import org.mpxj.TimeUnit;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * MPXJ 14.3.4 reads the dependencies of a GanttProject file's top-level tasks only; those of tasks
 * inside a summary task are lost. This pass reads every {@code <depend>} of the file and adds the links
 * MPXJ left out, with GanttProject's types (1 start-start, 2 finish-start, 3 finish-finish, 4
 * start-finish) and lags in days. MPXJ gives a GanttProject task the unique ID of its id plus one.
 */
final class GanttProjectLinks {

    private GanttProjectLinks() {
    }

    static void addNestedDependencies(ProjectFile project, Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader x = MspdiFastReader.xmlInput().createXMLStreamReader(in);
            Deque<Integer> tasks = new ArrayDeque<>();
            while (x.hasNext()) {
                int ev = x.next();
                if (ev == XMLStreamConstants.START_ELEMENT && "task".equals(x.getLocalName())) {
                    tasks.push(Integer.valueOf(x.getAttributeValue(null, "id")));
                } else if (ev == XMLStreamConstants.END_ELEMENT && "task".equals(x.getLocalName())) {
                    tasks.pop();
                } else if (ev == XMLStreamConstants.START_ELEMENT && "depend".equals(x.getLocalName()) && !tasks.isEmpty()) {
                    try {
                        link(project, tasks.peek(), x.getAttributeValue(null, "id"), x.getAttributeValue(null, "type"),
                                x.getAttributeValue(null, "difference"));
                    } catch (RuntimeException e) {
                        // a malformed <depend>: MPXJ's reading stands, the other links still come
                    }
                }
            }
        } catch (Exception e) {
            // the file was read once already; a link MPXJ has not is the most this pass can add
        }
    }

    private static void link(ProjectFile project, int from, String to, String type, String difference) {
        Task predecessor = project.getTaskByUniqueID(from + 1);
        Task successor = to == null ? null : project.getTaskByUniqueID(Integer.parseInt(to.trim()) + 1);
        if (predecessor == null || successor == null) {
            return;
        }
        for (Relation r : successor.getPredecessors()) {
            if (r.getPredecessorTask() == predecessor) {
                return; // MPXJ has it
            }
        }
        RelationType rt = switch (type == null ? "2" : type) {
            case "1" -> RelationType.START_START;
            case "3" -> RelationType.FINISH_FINISH;
            case "4" -> RelationType.START_FINISH;
            default -> RelationType.FINISH_START;
        };
        int lag = difference == null || difference.isEmpty() ? 0 : Integer.parseInt(difference);
        successor.addPredecessor(new Relation.Builder().predecessorTask(predecessor).type(rt).lag(Duration.getInstance(lag, TimeUnit.DAYS)));
    }
}
