package dev.opsh.render;

import java.util.ArrayList;
import java.util.List;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * An aligned table of cells: a bold header, numbers aligned right, and per-cell styles. Wide
 * cells are cut with an ellipsis so a row fits on one line.
 */
public final class Table {
    /** One cell: its text, its style, and whether it is a number (aligned right). */
    public record Cell(String text, AttributedStyle style, boolean numeric) {}

    private static final int MAX_CELL = 60;

    private final List<String> header;
    private final List<List<Cell>> rows = new ArrayList<>();

    public Table(List<String> header) {
        this.header = header;
    }

    public void add(List<Cell> row) {
        rows.add(row);
    }

    public int size() {
        return rows.size();
    }

    public AttributedString render() {
        int[] width = new int[header.size()];
        for (int c = 0; c < header.size(); c++) {
            width[c] = header.get(c).length();
            for (List<Cell> row : rows) {
                width[c] = Math.max(width[c], Math.min(MAX_CELL, row.get(c).text().length()));
            }
        }
        AttributedStringBuilder out = new AttributedStringBuilder();
        for (int c = 0; c < header.size(); c++) {
            pad(out, header.get(c), width[c], false, AttributedStyle.BOLD, c == header.size() - 1);
        }
        for (List<Cell> row : rows) {
            out.append('\n');
            for (int c = 0; c < header.size(); c++) {
                Cell cell = row.get(c);
                pad(out, cut(cell.text()), width[c], cell.numeric(), cell.style(), c == header.size() - 1);
            }
        }
        return out.toAttributedString();
    }

    private static String cut(String text) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= MAX_CELL ? oneLine : oneLine.substring(0, MAX_CELL - 1) + "…";
    }

    private static void pad(AttributedStringBuilder out, String text, int width, boolean right, AttributedStyle style, boolean last) {
        String space = " ".repeat(Math.max(0, width - text.length()));
        if (right) {
            out.append(space);
        }
        out.styled(style, text);
        if (!right && !last) {
            out.append(space);
        }
        if (!last) {
            out.append("  ");
        }
    }
}
