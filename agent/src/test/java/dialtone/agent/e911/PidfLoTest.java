package dialtone.agent.e911;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.net.URL;
import java.time.Instant;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/** The PIDF-LO document against the IETF schemas (test resources, nothing fetched). */
class PidfLoTest {
    private static final Instant AT = Instant.parse("2026-11-23T12:00:00Z");

    @Test
    void aFullLocationValidatesAgainstTheSchemas() throws Exception {
        Map<String, Object> fields = Addresses.springfield();
        fields.putAll(Map.of(
                "houseNumberSuffix", "1/2",
                "postDirectional", "SW",
                "building", "B",
                "floor", "2",
                "suite", "SUITE 200",
                "room", "12",
                "locationNote", "Reception, east entrance"));
        String xml = render(fields);

        validate(xml);
        assertThat(xml)
                .contains("<ca:RD>MAIN</ca:RD>")
                .contains("<ca:HNO>1234</ca:HNO><ca:HNS>1/2</ca:HNS>")
                .contains("<ca:NAM>Example Dental &amp; Sons</ca:NAM>")
                .contains("<gp:method>Manual</gp:method>");
    }

    @Test
    void markupInTheNoteIsEscapedAndStillValid() throws Exception {
        Map<String, Object> fields = Addresses.springfield();
        fields.put("locationNote", "<script>alert('x')</script> & \"more\"");
        String xml = render(fields);

        validate(xml);
        assertThat(xml).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    @Test
    void theSchemasDoCatchElementsOutOfOrder() throws Exception {
        String xml = render(Addresses.springfield());
        String swapped = xml.replace("<ca:RD>MAIN</ca:RD>", "").replace("</ca:HNO>", "</ca:HNO><ca:RD>MAIN</ca:RD>");

        assertThatThrownBy(() -> validate(swapped)).isInstanceOf(SAXException.class);
    }

    private static String render(Map<String, Object> fields) {
        Location l = LocationValidator.validate(Location.of(fields)).location();
        return PidfLo.render(l, "dt-0001", "Example Dental & Sons", AT);
    }

    private static void validate(String xml) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
        Source[] schemas = {
            schema("xml.xsd"),
            schema("pidf.xsd"),
            schema("data-model.xsd"),
            schema("geopriv10-basic-policy.xsd"),
            schema("geopriv10.xsd"),
            schema("civic-address.xsd")
        };
        Schema schema = factory.newSchema(schemas);
        schema.newValidator().validate(new StreamSource(new StringReader(xml)));
    }

    private static Source schema(String name) {
        URL url = PidfLoTest.class.getResource("/pidf-lo/" + name);
        return new StreamSource(url.toExternalForm());
    }
}
