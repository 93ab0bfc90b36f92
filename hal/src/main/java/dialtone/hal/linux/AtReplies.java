package dialtone.hal.linux;

import dialtone.hal.HalException;
import dialtone.hal.modem.ModemStatus.CellId;
import dialtone.hal.modem.ModemStatus.Registration;
import dialtone.hal.modem.ModemStatus.SimState;
import dialtone.hal.modem.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reading the replies of 3GPP TS 27.007 commands: pure, so each is tested against captured
 * strings. A line that should be there and is not readable is a {@link HalException} quoting it;
 * a value the standard calls unknown (99, 255, an empty field) is {@code null}, never a guess.
 */
final class AtReplies {
    private static final Pattern DIGITS = Pattern.compile("\\d{6,17}");
    private static final Pattern ICCID = Pattern.compile("(?:\\+Q?CCID:\\s*)?(89\\d{16,18}F?)");

    private AtReplies() {}

    /** {@code +CPIN: READY | SIM PIN | SIM PUK}. */
    static SimState cpin(List<String> lines) {
        String value = field(lines, "+CPIN:", "AT+CPIN?");
        return switch (value) {
            case "READY" -> SimState.READY;
            case "SIM PIN" -> SimState.PIN_REQUIRED;
            case "SIM PUK" -> SimState.PUK_LOCKED;
            default -> SimState.UNKNOWN;
        };
    }

    /** Whether an error result means there is no SIM: {@code +CME ERROR: 10} (or its verbose form). */
    static boolean simMissing(HalException e) {
        String message = e.getMessage();
        return message.contains("CME ERROR: 10") || message.contains("SIM not inserted");
    }

    record Cereg(Registration registration, CellId cell) {}

    /**
     * {@code +CEREG: <n>,<stat>[,"<tac>","<ci>"[,<AcT>]]} (with {@code AT+CEREG=2} set). The
     * unsolicited {@code +CEREG: <stat>[,"<tac>",...]} that {@code n=2} also brings may arrive among
     * the reply's lines: the reply is the one whose second field is a bare number.
     */
    static Cereg cereg(List<String> lines) {
        List<String> reply = lines.stream()
                .filter(l -> l.startsWith("+CEREG:"))
                .filter(l -> l.split(",").length >= 2 && l.split(",")[1].strip().matches("\\d+"))
                .toList();
        List<String> f = fields(field(reply.isEmpty() ? lines : reply, "+CEREG:", "AT+CEREG?"));
        Integer stat = f.size() >= 2 ? integer(f.get(1)) : null;
        if (stat == null) {
            throw unreadable("AT+CEREG?", lines);
        }
        Registration registration =
                switch (stat) {
                    case 0 -> Registration.IDLE;
                    case 1 -> Registration.HOME;
                    case 2 -> Registration.SEARCHING;
                    case 3 -> Registration.DENIED;
                    case 5 -> Registration.ROAMING;
                    default -> Registration.UNKNOWN;
                };
        CellId cell =
                f.size() >= 4 && !f.get(2).isEmpty() && !f.get(3).isEmpty() ? new CellId(f.get(3), f.get(2)) : null;
        return new Cereg(registration, cell);
    }

    record Cops(String operator, String technology) {}

    /** {@code +COPS: <mode>[,<format>,"<oper>"[,<AcT>]]}. */
    static Cops cops(List<String> lines) {
        List<String> f = fields(field(lines, "+COPS:", "AT+COPS?"));
        String operator = f.size() >= 3 && !f.get(2).isEmpty() ? f.get(2) : null;
        Integer act = f.size() >= 4 ? integer(f.get(3)) : null;
        String technology = act == null
                ? null
                : switch (act) {
                    case 0, 1, 3 -> "gsm";
                    case 2, 4, 5, 6 -> "umts";
                    case 7, 9 -> "lte";
                    case 11, 12, 13 -> "5gnr";
                    default -> null;
                };
        return new Cops(operator, technology);
    }

    /**
     * {@code +CESQ: <rxlev>,<ber>,<rscp>,<ecno>,<rsrq>,<rsrp>} (RSRQ index 0-34 in 0.5 dB steps
     * from -20 dB, RSRP index 0-97 in 1 dB steps from -141 dBm, 255 unknown) and {@code +CSQ:
     * <rssi>,<ber>} (0-31 in 2 dB steps from -113 dBm, 99 unknown). SINR has no standard command.
     */
    static Signal signal(List<String> cesq, List<String> csq) {
        List<String> e = fields(field(cesq, "+CESQ:", "AT+CESQ"));
        List<String> c = fields(field(csq, "+CSQ:", "AT+CSQ"));
        if (e.size() < 6 || c.size() < 2) {
            throw unreadable("AT+CESQ / AT+CSQ", List.of(String.join(",", e), String.join(",", c)));
        }
        Integer rsrq = integer(e.get(4));
        Integer rsrp = integer(e.get(5));
        Integer rssi = integer(c.get(0));
        return new Signal(
                rssi == null || rssi > 31 ? null : -113.0 + 2 * rssi,
                rsrp == null || rsrp > 97 ? null : -141.0 + rsrp,
                rsrq == null || rsrq > 34 ? null : -20.0 + 0.5 * rsrq,
                null);
    }

    /** The reply of {@code AT+CGSN} or {@code AT+CIMI}: a line of digits. */
    static String digits(List<String> lines) {
        return lines.stream()
                .map(String::strip)
                .filter(l -> DIGITS.matcher(l).matches())
                .findFirst()
                .orElse(null);
    }

    /** {@code +CCID: 89...}, {@code +QCCID: 89...} or the bare number. */
    static String iccid(List<String> lines) {
        for (String line : lines) {
            var m = ICCID.matcher(line.strip());
            if (m.matches()) {
                return m.group(1);
            }
        }
        return null;
    }

    /** Whether context 1 is active: {@code +CGACT: 1,1}. */
    static boolean active(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("+CGACT:"))
                .map(l -> fields(l.substring("+CGACT:".length())))
                .anyMatch(f -> f.size() >= 2 && f.get(0).equals("1") && f.get(1).equals("1"));
    }

    /** {@code +CGPADDR: 1,"100.64.12.34"[,"<v6>"]}: the IPv4 address, if any. */
    static String address(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("+CGPADDR:"))
                .map(l -> fields(l.substring("+CGPADDR:".length())))
                .filter(f -> f.size() >= 2 && f.get(0).equals("1"))
                .flatMap(f -> f.subList(1, f.size()).stream())
                .filter(a -> a.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !a.equals("0.0.0.0"))
                .findFirst()
                .orElse(null);
    }

    /** {@code +CGDCONT: 1,"IPV4V6","<apn>",...}: context 1's APN. */
    static String apn(List<String> lines) {
        return lines.stream()
                .filter(l -> l.startsWith("+CGDCONT:"))
                .map(l -> fields(l.substring("+CGDCONT:".length())))
                .filter(f -> f.size() >= 3 && f.get(0).equals("1") && !f.get(2).isEmpty())
                .map(f -> f.get(2))
                .findFirst()
                .orElse(null);
    }

    /** The value after {@code prefix} on the line that has it; a reply without it is unreadable. */
    private static String field(List<String> lines, String prefix, String command) {
        Optional<String> line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst();
        return line.map(l -> l.substring(prefix.length()).strip()).orElseThrow(() -> unreadable(command, lines));
    }

    /** Comma-separated fields, quotes removed (no field here contains a comma). */
    private static List<String> fields(String text) {
        List<String> fields = new ArrayList<>();
        for (String f : text.split(",", -1)) {
            fields.add(f.strip().replace("\"", ""));
        }
        return fields;
    }

    private static Integer integer(String text) {
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static HalException unreadable(String command, List<String> lines) {
        String text = String.join(" | ", lines);
        return new HalException(
                command, "unreadable reply: " + (text.length() > 120 ? text.substring(0, 120) + "..." : text));
    }
}
