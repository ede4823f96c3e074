package io.planwright.formats.plan;
import java.nio.file.*;
public class Smoke {
  public static void main(String[] a) throws Exception {
    var r = PlanFiles.readAndCheck(Path.of(a[0]));
    r.problems().forEach(p -> System.out.println(p.format()));
    if (r.plan() != null) { String y = PlanFiles.toYaml(r.plan()); System.out.println(y); System.out.println(PlanFiles.toJson(r.plan()).substring(0, 600));
      var again = PlanFiles.parse("again", y, PlanFormat.YAML);
      System.out.println("roundtrip equal: " + r.plan().equals(again.plan()) + " " + again.problems());
    }
  }
}
