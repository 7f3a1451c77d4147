package org.loginservice.totp;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The QR code read back: the SVG is parsed as XML, its path drawn module by module into
 * pixels, and ZXing's reader finds and decodes the code in them, as a phone's camera
 * would.
 */
class QrCodesTests {

	private static final String PREFIX = "data:image/svg+xml;base64,";

	/** The only drawing the path holds: one rectangle, one module high, per run. */
	private static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

	private static final int QUIET_ZONE = 4;

	@Test
	void svgDataUriWhenOtpauthUriThenReadBackAsIt() throws Exception {
		String uri = OtpauthUri.of("login-service", "ada lovelace:zoë", "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
		assertThat(read(QrCodes.svgDataUri(uri))).isEqualTo(uri);
	}

	@Test
	void svgDataUriWhenNonAsciiTextThenReadBackAsIt() throws Exception {
		String text = "Ünïcode 山田 " + "x".repeat(200);
		assertThat(read(QrCodes.svgDataUri(text))).isEqualTo(text);
	}

	@Test
	void svgDataUriWhenRenderedThenFourModulesOfWhiteAroundTheCode() throws Exception {
		Element svg = svg(QrCodes.svgDataUri("otpauth://totp/login-service:ada?secret=GEZDGNBV"));
		assertThat(svg.getAttribute("shape-rendering")).isEqualTo("crispEdges");
		Element background = (Element) svg.getElementsByTagName("rect").item(0);
		assertThat(background.getAttribute("fill")).isEqualTo("#fff");
		assertThat(background.getAttribute("width")).isEqualTo("100%");
		BitMatrix modules = modules(svg);
		int size = modules.getWidth();
		// A QR code is 17 + 4 × version modules wide.
		assertThat((size - 2 * QUIET_ZONE - 17) % 4).isZero();
		for (int i = 0; i < size; i++) {
			for (int edge = 0; edge < QUIET_ZONE; edge++) {
				assertThat(modules.get(i, edge) || modules.get(edge, i) || modules.get(i, size - 1 - edge)
						|| modules.get(size - 1 - edge, i))
					.isFalse();
			}
		}
		// The corner of the top left finder pattern.
		assertThat(modules.get(QUIET_ZONE, QUIET_ZONE)).isTrue();
	}

	/** What a reader finds in the picture, at four pixels a module. */
	private static String read(String dataUri) throws Exception {
		BitMatrix modules = modules(svg(dataUri));
		int scale = 4;
		int width = modules.getWidth() * scale;
		int height = modules.getHeight() * scale;
		int[] pixels = new int[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				pixels[y * width + x] = modules.get(x / scale, y / scale) ? 0xff000000 : 0xffffffff;
			}
		}
		BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, pixels)));
		return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText();
	}

	private static Element svg(String dataUri) throws Exception {
		assertThat(dataUri).startsWith(PREFIX);
		byte[] svg = Base64.getDecoder().decode(dataUri.substring(PREFIX.length()));
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setNamespaceAware(true);
		Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();
		assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		assertThat(root.getLocalName()).isEqualTo("svg");
		assertThat(new String(svg, StandardCharsets.UTF_8)).contains("<path").doesNotContain("\n");
		return root;
	}

	/** The modules that the one path draws dark, each run a maximal one. */
	private static BitMatrix modules(Element svg) {
		String[] viewBox = svg.getAttribute("viewBox").split(" ");
		assertThat(viewBox).hasSize(4).startsWith("0", "0");
		BitMatrix modules = new BitMatrix(Integer.parseInt(viewBox[2]), Integer.parseInt(viewBox[3]));
		assertThat(svg.getElementsByTagName("path").getLength()).isEqualTo(1);
		Element path = (Element) svg.getElementsByTagName("path").item(0);
		assertThat(path.getAttribute("fill")).isEqualTo("#000");
		Matcher run = RUN.matcher(path.getAttribute("d"));
		int end = 0;
		while (run.find()) {
			assertThat(run.start()).as("only runs in the path").isEqualTo(end);
			end = run.end();
			int x = Integer.parseInt(run.group(1));
			int y = Integer.parseInt(run.group(2));
			int length = Integer.parseInt(run.group(3));
			assertThat(run.group(4)).isEqualTo(run.group(3));
			assertThat(x == 0 || !modules.get(x - 1, y)).as("a run follows a light module").isTrue();
			modules.setRegion(x, y, length, 1);
		}
		assertThat(end).isEqualTo(path.getAttribute("d").length()).isPositive();
		return modules;
	}

}
