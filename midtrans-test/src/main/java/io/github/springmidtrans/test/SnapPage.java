package io.github.springmidtrans.test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import io.github.springmidtrans.test.SimulatorSnap.Session;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The HTML of the simulated Snap page: server-rendered, no scripts, inline CSS. Form
 * elements carry stable ids so browser tests can drive them.
 */
final class SnapPage {

	private static final DateTimeFormatter JAKARTA = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'WIB'", Locale.ROOT)
		.withZone(ZoneId.of("Asia/Jakarta"));

	private static final Map<String, String> BANK_NAMES = Map.of("bca", "BCA", "bni", "BNI", "bri", "BRI", "permata",
			"Permata", "cimb", "CIMB Niaga");

	private static final String STYLE = """
			*{box-sizing:border-box}
			body{margin:0;background:#eef1f6;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2933}
			main{max-width:460px;margin:32px auto;background:#fff;border-radius:12px;box-shadow:0 4px 18px rgba(15,30,60,.12);overflow:hidden}
			header{background:#0c2b5b;color:#fff;padding:18px 22px}
			header h1{margin:0;font-size:15px;font-weight:600;opacity:.85}
			header .amount{font-size:26px;font-weight:700;margin-top:4px}
			header .order{font-size:13px;opacity:.75}
			section{padding:18px 22px;border-top:1px solid #e4e8ef}
			h2{font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:#52606d;margin:0 0 10px}
			label.option{display:flex;align-items:center;gap:10px;padding:10px 12px;border:1px solid #d9dee7;border-radius:8px;margin-bottom:8px;cursor:pointer}
			label.option:hover{border-color:#0c6cf2}
			.banks{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 8px 30px}
			.banks label{border:1px solid #d9dee7;border-radius:6px;padding:4px 10px;font-size:13px}
			input[type=text]{width:100%;padding:9px 10px;border:1px solid #c5ccd8;border-radius:6px;font:inherit;margin-bottom:8px}
			.row{display:flex;gap:8px}
			button{width:100%;padding:11px;border:0;border-radius:8px;background:#0c6cf2;color:#fff;font:inherit;font-weight:600;cursor:pointer;margin-top:6px}
			button.secondary{background:#fff;color:#0c6cf2;border:1px solid #0c6cf2}
			.number{font:600 22px/1.3 ui-monospace,SFMono-Regular,Menlo,monospace;letter-spacing:.06em;background:#f4f6fa;border-radius:8px;padding:10px 12px;margin:4px 0 10px}
			.hint{font-size:13px;color:#616e7c}
			.error{background:#fdecec;color:#a61b1b;border-radius:8px;padding:10px 12px;margin:0 0 10px}
			.status{display:inline-block;background:#fff4d6;color:#8a5a00;border-radius:999px;padding:2px 10px;font-size:13px;font-weight:600}
			ol{padding-left:20px;margin:6px 0}
			svg{display:block;margin:8px auto;border:8px solid #fff;outline:1px solid #d9dee7}
			footer{font-size:12px;color:#7b8794;text-align:center;padding:10px 22px 16px}
			""";

	private SnapPage() {
	}

	static String choose(Session session) {
		return choose(session, null);
	}

	static String choose(Session session, @Nullable String error) {
		StringBuilder body = new StringBuilder();
		if (error != null) {
			body.append("<section><p class=\"error\" id=\"error\">").append(escape(error)).append("</p></section>");
		}
		boolean asyncMethods = session.offers("bank_transfer") || session.offers("echannel") || session.offers("qris")
				|| session.offers("gopay") || session.offers("shopeepay") || session.offers("cstore");
		if (asyncMethods) {
			body.append("<section><h2>Choose a payment method</h2><form id=\"choose-form\" method=\"post\" action=\"")
				.append(action(session, "choose"))
				.append("\">");
			if (session.offers("bank_transfer")) {
				body.append(option("bank_transfer", "Bank transfer (virtual account)"));
				body.append("<div class=\"banks\">");
				for (String bank : session.banks()) {
					body.append("<label><input type=\"radio\" name=\"bank\" id=\"bank-")
						.append(bank)
						.append("\" value=\"")
						.append(bank)
						.append("\"> ")
						.append(BANK_NAMES.get(bank))
						.append("</label>");
				}
				body.append("</div>");
			}
			if (session.offers("echannel")) {
				body.append(option("echannel", "Mandiri Bill"));
			}
			if (session.offers("qris")) {
				body.append(option("qris", "QRIS"));
			}
			if (session.offers("gopay")) {
				body.append(option("gopay", "GoPay"));
			}
			if (session.offers("shopeepay")) {
				body.append(option("shopeepay", "ShopeePay"));
			}
			if (session.offers("cstore")) {
				body.append(option("cstore", "Convenience store"));
				body.append("<div class=\"banks\">");
				for (String store : session.stores()) {
					body.append("<label><input type=\"radio\" name=\"store\" id=\"store-")
						.append(store)
						.append("\" value=\"")
						.append(store)
						.append("\"> ")
						.append(capitalize(store))
						.append("</label>");
				}
				body.append("</div>");
			}
			body.append("<button type=\"submit\" id=\"choose\">Continue</button></form></section>");
		}
		if (session.offers("credit_card")) {
			body.append("<section><h2>Credit or debit card</h2><form id=\"card-form\" method=\"post\" action=\"")
				.append(action(session, "pay"))
				.append("\">")
				.append("<input type=\"text\" id=\"card-number\" name=\"card_number\" placeholder=\"Card number\" ")
				.append("autocomplete=\"off\" inputmode=\"numeric\">")
				.append("<div class=\"row\"><input type=\"text\" id=\"card-exp-month\" name=\"card_exp_month\" ")
				.append("placeholder=\"MM\"><input type=\"text\" id=\"card-exp-year\" name=\"card_exp_year\" ")
				.append("placeholder=\"YYYY\"><input type=\"text\" id=\"card-cvv\" name=\"card_cvv\" ")
				.append("placeholder=\"CVV\" autocomplete=\"off\"></div>")
				.append("<button type=\"submit\" id=\"pay\">Pay now</button>")
				.append("<p class=\"hint\">Simulator test cards: 4811 1111 1111 1114 is accepted, ")
				.append("4911 1111 1111 1113 is declined by the bank; any future expiry, CVV 123.</p>")
				.append("</form></section>");
		}
		return document(session, body.toString());
	}

	static String instructions(Session session, TransactionSnapshot tx, @Nullable JsonNode charge) {
		StringBuilder body = new StringBuilder("<section><h2>").append(escape(methodName(tx, charge)))
			.append("</h2><p>Status: <span class=\"status\" id=\"transaction-status\">")
			.append(escape(tx.transactionStatus()))
			.append("</span></p>");
		boolean pending = "pending".equals(tx.transactionStatus());
		if (pending) {
			switch (tx.paymentType()) {
				case "bank_transfer" -> {
					String number = vaNumber(charge);
					String bank = bank(charge);
					body.append("<p>Transfer exactly <strong>Rp ")
						.append(rupiah(tx.grossAmount()))
						.append("</strong> to this ")
						.append(escape(BANK_NAMES.getOrDefault(bank, bank.toUpperCase(Locale.ROOT))))
						.append(" virtual account number:</p><div class=\"number\" id=\"va-number\">")
						.append(escape(number))
						.append("</div><ol><li>Open your bank's app, ATM or internet banking.</li>")
						.append("<li>Choose transfer to virtual account and enter the number above.</li>")
						.append("<li>Check the amount and confirm.</li></ol>");
				}
				case "echannel" -> body.append("<p>Pay with Mandiri Bill (Livin' or ATM, menu Bayar):</p>")
					.append("<p class=\"hint\">Company code</p><div class=\"number\" id=\"biller-code\">")
					.append(escape(text(charge, "biller_code")))
					.append("</div><p class=\"hint\">Bill key</p><div class=\"number\" id=\"bill-key\">")
					.append(escape(text(charge, "bill_key")))
					.append("</div>");
				case "qris", "gopay" -> {
					String payload = text(charge, "qr_string");
					if (payload.isEmpty()) {
						payload = "gopay:" + tx.transactionId();
					}
					body.append("<p>Scan this QR code with a QRIS-enabled app")
						.append("gopay".equals(tx.paymentType()) ? " or the Gojek app" : "")
						.append(":</p>")
						.append(qr(payload))
						.append("<p class=\"hint\">Simulated QR code: scanning it pays nothing. ")
						.append("Use \u201cSimulate payment\u201d below.</p>");
				}
				case "shopeepay" -> body.append("<p>Open the ShopeePay app to confirm the payment.</p>");
				case "cstore" -> body.append("<p>Show this payment code at the ")
					.append(escape(capitalize(text(charge, "store"))))
					.append(" cashier:</p><div class=\"number\" id=\"payment-code\">")
					.append(escape(text(charge, "payment_code")))
					.append("</div>");
				default -> {
				}
			}
			if (tx.expiryTime() != null) {
				body.append("<p class=\"hint\">Pay before <span id=\"expiry-time\">")
					.append(JAKARTA.format(tx.expiryTime()))
					.append("</span>.</p>");
			}
			body.append("<form method=\"post\" action=\"")
				.append(action(session, "simulate-payment"))
				.append("\"><button type=\"submit\" id=\"simulate-payment\">Simulate payment</button></form>");
		}
		body.append("<form method=\"post\" action=\"")
			.append(action(session, "finish"))
			.append("\"><button type=\"submit\" class=\"secondary\" id=\"back-to-merchant\">Back to merchant</button>")
			.append("</form></section>");
		return document(session, body.toString());
	}

	static String expired(Session session) {
		return document(session,
				"<section id=\"page-expired\"><h2>Payment page expired</h2>" + "<p>This payment page expired at "
						+ JAKARTA.format(session.pageExpiresAt)
						+ ". Return to the shop to start the payment again.</p></section>");
	}

	static String notFound() {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title><style>" + STYLE
				+ "</style></head><body><main><header><h1>Midtrans simulator</h1></header>"
				+ "<section id=\"not-found\"><h2>Unknown payment page</h2><p>No checkout has this token.</p>"
				+ "</section></main></body></html>";
	}

	private static String document(Session session, String content) {
		return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">" + "<title>Payment - "
				+ escape(session.orderId) + "</title><style>" + STYLE + "</style></head><body>"
				+ "<main id=\"snap-page\"><header><h1>Simulated Snap checkout</h1><div class=\"amount\" "
				+ "id=\"gross-amount\">Rp " + rupiah(session.gross) + "</div><div class=\"order\">Order <span "
				+ "id=\"order-id\">" + escape(session.orderId) + "</span> &middot; page open until "
				+ JAKARTA.format(session.pageExpiresAt) + "</div></header>" + content
				+ "<footer>Midtrans simulator: no real money moves.</footer></main></body></html>";
	}

	private static String option(String method, String label) {
		return "<label class=\"option\"><input type=\"radio\" name=\"method\" id=\"method-" + method + "\" value=\""
				+ method + "\"> " + label + "</label>";
	}

	private static String action(Session session, String action) {
		return "/snap/v4/redirection/" + session.token + "/" + action;
	}

	private static String methodName(TransactionSnapshot tx, @Nullable JsonNode charge) {
		return switch (tx.paymentType()) {
			case "bank_transfer" -> BANK_NAMES.getOrDefault(bank(charge), "Bank") + " virtual account";
			case "echannel" -> "Mandiri Bill";
			case "qris" -> "QRIS";
			case "gopay" -> "GoPay";
			case "shopeepay" -> "ShopeePay";
			case "cstore" -> capitalize(text(charge, "store"));
			case "credit_card" -> "Card " + text(charge, "masked_card");
			default -> tx.paymentType();
		};
	}

	private static String bank(@Nullable JsonNode charge) {
		if (charge == null) {
			return "";
		}
		if (charge.has("permata_va_number")) {
			return "permata";
		}
		JsonNode va = charge.path("va_numbers").path(0);
		return va.isMissingNode() ? "" : va.path("bank").asString("");
	}

	private static String vaNumber(@Nullable JsonNode charge) {
		if (charge == null) {
			return "";
		}
		if (charge.has("permata_va_number")) {
			return text(charge, "permata_va_number");
		}
		return charge.path("va_numbers").path(0).path("va_number").asString("");
	}

	private static String text(@Nullable JsonNode node, String field) {
		String value = Wire.text(node, field);
		return (value != null) ? value : "";
	}

	/**
	 * A QR-code-like picture drawn from the payload: finder squares and modules from its
	 * hash. The simulator has no QR encoder; the page says the code is not scannable.
	 */
	static String qr(String payload) {
		boolean[][] modules = qrModules(payload);
		int size = modules.length;
		StringBuilder svg = new StringBuilder("<svg id=\"qr-code\" role=\"img\" aria-label=\"QR code\" ")
			.append("xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"200\" viewBox=\"0 0 ")
			.append(size)
			.append(' ')
			.append(size)
			.append("\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>");
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				if (modules[y][x]) {
					svg.append("<rect x=\"")
						.append(x)
						.append("\" y=\"")
						.append(y)
						.append("\" width=\"1\" height=\"1\"/>");
				}
			}
		}
		return svg.append("</svg>").toString();
	}

	/**
	 * The same picture as {@link #qr(String)}, as a PNG image with a white border, for
	 * the QR code URLs of charge answers.
	 * @param payload what the picture is drawn from
	 * @param scale pixels per module
	 * @return the PNG bytes
	 */
	static byte[] qrPng(String payload, int scale) {
		boolean[][] modules = qrModules(payload);
		int border = 4;
		int pixels = (modules.length + 2 * border) * scale;
		BufferedImage image = new BufferedImage(pixels, pixels, BufferedImage.TYPE_BYTE_BINARY);
		Graphics2D graphics = image.createGraphics();
		try {
			graphics.setColor(Color.WHITE);
			graphics.fillRect(0, 0, pixels, pixels);
			graphics.setColor(Color.BLACK);
			for (int y = 0; y < modules.length; y++) {
				for (int x = 0; x < modules.length; x++) {
					if (modules[y][x]) {
						graphics.fillRect((x + border) * scale, (y + border) * scale, scale, scale);
					}
				}
			}
		}
		finally {
			graphics.dispose();
		}
		ByteArrayOutputStream png = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return png.toByteArray();
	}

	/** Which modules of a 25 by 25 picture are dark, by row. */
	private static boolean[][] qrModules(String payload) {
		int size = 25;
		String hash = SimulatorSnap.sha256(payload) + SimulatorSnap.sha256(payload + "#");
		boolean[][] modules = new boolean[size][size];
		int bit = 0;
		for (int y = 0; y < size; y++) {
			for (int x = 0; x < size; x++) {
				boolean dark;
				if (inFinder(x, y, size)) {
					int fx = (x < 8) ? x : x - (size - 7);
					int fy = (y < 8) ? y : y - (size - 7);
					dark = fx >= 0 && fy >= 0 && fx < 7 && fy < 7
							&& (fx == 0 || fy == 0 || fx == 6 || fy == 6 || (fx >= 2 && fx <= 4 && fy >= 2 && fy <= 4));
				}
				else {
					int nibble = Character.digit(hash.charAt((bit / 4) % hash.length()), 16);
					dark = ((nibble >> (bit % 4)) & 1) == 1;
					bit++;
				}
				modules[y][x] = dark;
			}
		}
		return modules;
	}

	private static boolean inFinder(int x, int y, int size) {
		boolean left = x < 8;
		boolean right = x >= size - 8;
		boolean top = y < 8;
		boolean bottom = y >= size - 8;
		return (left && top) || (right && top) || (left && bottom);
	}

	private static String rupiah(long amount) {
		return String.format(Locale.ROOT, "%,d", amount).replace(',', '.');
	}

	private static String capitalize(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static String escape(String text) {
		return text.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("\"", "&quot;")
			.replace("'", "&#39;");
	}

	static String time(Instant instant) {
		return JAKARTA.format(instant);
	}

}
