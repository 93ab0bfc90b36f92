package dialtone.agent.e911;

import java.io.StringWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The registered location as a PIDF-LO document for the provider (RFC 4119, civic elements of RFC
 * 5139 in schema order, the RFC 5491 profile: one device, one geopriv, method Manual). Written by
 * an XML writer, so every value is escaped wherever it came from.
 */
public final class PidfLo {
    static final String PIDF = "urn:ietf:params:xml:ns:pidf";
    static final String DM = "urn:ietf:params:xml:ns:pidf:data-model";
    static final String GP = "urn:ietf:params:xml:ns:pidf:geopriv10";
    static final String GBP = "urn:ietf:params:xml:ns:pidf:geopriv10:basicPolicy";
    static final String CA = "urn:ietf:params:xml:ns:pidf:geopriv10:civicAddr";

    private PidfLo() {}

    /**
     * @param deviceId the box's id (lowercase letters, digits, dashes)
     * @param siteName the business at the address (CAtype NAM), or ""
     */
    public static String render(Location l, String deviceId, String siteName, Instant at) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("", "presence", PIDF);
            xml.writeDefaultNamespace(PIDF);
            xml.writeNamespace("dm", DM);
            xml.writeNamespace("gp", GP);
            xml.writeNamespace("gbp", GBP);
            xml.writeNamespace("ca", CA);
            xml.writeAttribute("entity", "pres:" + l.callbackNumber() + "@" + deviceId + ".dialtone.invalid");
            start(xml, DM, "device");
            xml.writeAttribute("id", "dialtone-" + deviceId);
            start(xml, GP, "geopriv");
            start(xml, GP, "location-info");
            start(xml, CA, "civicAddress");
            xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", "en-US");
            for (var element : l.civic(siteName).entrySet()) {
                text(xml, CA, element.getKey(), element.getValue());
            }
            xml.writeEndElement(); // civicAddress
            xml.writeEndElement(); // location-info
            start(xml, GP, "usage-rules");
            text(xml, GBP, "retransmission-allowed", "true"); // the PSAP and the ESInet may pass it on
            xml.writeEndElement();
            text(xml, GP, "method", "Manual");
            xml.writeEndElement(); // geopriv
            text(xml, DM, "deviceID", "urn:dialtone:device:" + deviceId);
            text(xml, DM, "timestamp", at.truncatedTo(ChronoUnit.SECONDS).toString());
            xml.writeEndElement(); // device
            xml.writeEndElement(); // presence
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to a string cannot fail", e);
        }
        return out.toString();
    }

    private static void start(XMLStreamWriter xml, String ns, String element) throws XMLStreamException {
        String prefix =
                switch (ns) {
                    case DM -> "dm";
                    case GP -> "gp";
                    case GBP -> "gbp";
                    case CA -> "ca";
                    default -> throw new IllegalArgumentException(ns);
                };
        xml.writeStartElement(prefix, element, ns);
    }

    private static void text(XMLStreamWriter xml, String ns, String element, String value) throws XMLStreamException {
        start(xml, ns, element);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
