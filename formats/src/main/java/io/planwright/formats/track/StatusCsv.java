package io.planwright.formats.track;

import io.planwright.core.track.EarnedValue;
import io.planwright.core.track.Figures;
import io.planwright.core.track.ProjectStatus;
import io.planwright.formats.schedule.ScheduleCsv;
import io.planwright.formats.tree.JsonEmitter;
import io.planwright.formats.tree.Node;

/**
 * A plan's status as CSV: one row for the plan, then one per phase and task in WBS order, with the
 * earned-value and earned-schedule figures the JSON gives (the same names as its keys).
 */
public final class StatusCsv {

    public static final String HEADER = "id,name,type,bac,pv,ev,ac,sv,cv,spi,cpi,eac,etc,vac,tcpi,es,sv_t,spi_t,ieac_t,percent_complete,forecast_finish";

    private StatusCsv() {
    }

    public static String write(ProjectStatus s) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (s.earnedValue() == null) {
            return out.toString();
        }
        for (EarnedValue.Entry e : s.earnedValue().entries()) {
            Figures f = e.figures();
            EarnedValue.Time t = e.time();
            out.append(e.id() == null ? "" : ScheduleCsv.field(e.id())).append(',')
                    .append(ScheduleCsv.field(e.name())).append(',')
                    .append(e.kind().text());
            for (Node n : new Node[] {StatusJson.money(f.bac()), StatusJson.money(f.pv()), StatusJson.money(f.ev()), StatusJson.money(f.ac()),
                    StatusJson.money(f.sv()), StatusJson.money(f.cv()), StatusJson.number(f.spi(), 4), StatusJson.number(f.cpi(), 4),
                    StatusJson.money(f.eac()), StatusJson.money(f.etc()), StatusJson.money(f.vac()), StatusJson.number(f.tcpi(), 4)}) {
                out.append(',').append(cell(n));
            }
            out.append(',').append(t.es() == null ? "" : StatusJson.date(t.es()));
            out.append(',').append(cell(StatusJson.number(t.svDays(), 2)));
            out.append(',').append(cell(StatusJson.number(t.spi(), 4)));
            out.append(',').append(cell(StatusJson.number(t.ieacDays(), 2)));
            out.append(',').append(cell(StatusJson.number(f.percentComplete() == null ? null : f.percentComplete() * 100, 1)));
            out.append(',').append(t.forecastFinish() == null ? "" : StatusJson.date(t.forecastFinish()));
            out.append('\n');
        }
        return out.toString();
    }

    private static String cell(Node n) {
        String text = JsonEmitter.compact(n);
        return "null".equals(text) ? "" : text;
    }
}
