package io.github.springmidtrans.sample.shop;

import java.time.Duration;

import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.sample.ShopHttp;
import io.github.springmidtrans.sample.ShopHttp.Page;
import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Checkout with Snap over real HTTP: the shop sends the browser to the simulator's hosted
 * page, the customer chooses a bank transfer and pays there (form posts, as the page's
 * buttons send them), the simulator's signed notification reaches the shop's webhook, and
 * the finish page shows what the database holds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SnapCheckoutIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	ProductRepository products;

	@Autowired
	ShopOrderRepository orders;

	@Autowired
	PaymentService payments;

	ShopHttp http;

	@BeforeEach
	void browser() {
		this.http = new ShopHttp(this.port);
	}

	@Test
	void productPageOffersSnapBesideTheCoreApi() {
		Page page = this.http.get("/products/" + product("KOPI-250"));

		assertThat(page.has("checkout-core-api")).isTrue();
		assertThat(page.has("checkout-snap")).isTrue();
		assertThat(page.attribute("checkout-snap-form", "action"))
			.isEqualTo("/products/" + product("KOPI-250") + "/checkout/snap");
	}

	@Test
	void customerPaysByBankTransferOnTheSnapPageAndTheOrderIsFulfilled() {
		Page answer = startSnapCheckout();
		String snapPage = answer.location();
		assertThat(snapPage).startsWith(this.simulator.snapBaseUrl());
		String orderNumber = orderSentTo(snapPage);
		ShopOrder order = this.orders.findByOrderNumber(orderNumber).orElseThrow();
		assertThat(order.getChannel()).isEqualTo(CheckoutChannel.SNAP);
		assertThat(order.getPaymentOption()).isNull();
		assertThat(order.getAmount()).isEqualTo(170_000);
		MidtransPayment payment = this.payments.findByOrderId(orderNumber).orElseThrow();
		assertThat(payment.isSnap()).isTrue();
		assertThat(payment.getPaymentType()).isNull();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);

		// Before the customer chooses: the order page leads back to Snap's page.
		Page orderPage = this.http.get("/orders/" + orderNumber);
		assertThat(orderPage.text("payment-method")).isEqualTo("Snap, not chosen yet");
		assertThat(orderPage.attribute("snap-page", "href")).isEqualTo(snapPage);
		assertThat(orderPage.has("simulate-payment")).as("nothing to pay yet").isFalse();

		// On Snap's page: choose a BCA virtual account, which shows its number.
		Page chosen = this.http.post(snapPage + "/choose", "method", "bank_transfer", "bank", "bca");
		assertThat(chosen.status()).isBetween(200, 399);
		Page instructions = this.http.get(snapPage);
		assertThat(instructions.text("va-number")).isNotBlank();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.payments.findByOrderId(orderNumber).orElseThrow().getVaNumber(),
					(va) -> instructions.text("va-number").equals(va));

		// Pay there: Snap sends the browser back to the shop's finish page.
		Page paid = this.http.post(snapPage + "/simulate-payment");
		assertThat(paid.status()).as("a redirect after the form post").isEqualTo(303);
		assertThat(paid.location()).startsWith("http://127.0.0.1:" + this.port + "/snap/finish?")
			.contains("order_id=" + orderNumber, "transaction_status=settlement");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(orderNumber).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.FULFILLED);
		Page finish = this.http.get(paid.location());
		assertThat(finish.status()).isEqualTo(200);
		assertThat(finish.attribute("order-status", "data-status")).isEqualTo("FULFILLED");
		assertThat(finish.has("paid-banner")).isTrue();
		assertThat(finish.attribute("payment-status", "data-status")).isEqualTo("SETTLEMENT");
		assertThat(finish.text("payment-type")).isEqualTo("Bank transfer, BCA");
		assertThat(finish.text("status-source")).contains("not trusted");
		assertThat(finish.body()).doesNotContain("http-equiv=\"refresh\"");

		Page admin = this.http.signInAsAdmin().get("/admin/payments?status=SETTLEMENT");
		assertThat(admin.body()).contains("data-order-id=\"" + orderNumber + "\" data-status=\"SETTLEMENT\"");
		assertThat(this.http.get("/orders/" + orderNumber).text("payment-method"))
			.isEqualTo("Snap: Bank transfer, BCA");
	}

	@Test
	void finishPageShowsTheDatabaseNotTheQueryParameters() {
		String snapPage = startSnapCheckout().location();
		String orderNumber = orderSentTo(snapPage);

		Page finish = this.http
			.get("/snap/finish?order_id=" + orderNumber + "&status_code=200&transaction_status=settlement");

		assertThat(finish.status()).isEqualTo(200);
		assertThat(finish.attribute("order-status", "data-status")).isEqualTo("AWAITING_PAYMENT");
		assertThat(finish.has("paid-banner")).isFalse();
		assertThat(finish.has("waiting")).isTrue();
		assertThat(finish.body()).as("the page refreshes itself while waiting").contains("http-equiv=\"refresh\"");
		assertThat(this.orders.findByOrderNumber(orderNumber).orElseThrow().getStatus())
			.isEqualTo(OrderStatus.AWAITING_PAYMENT);
	}

	@Test
	void finishPageOfAnUnknownOrderIsNotFound() {
		assertThat(this.http.get("/snap/finish?order_id=SHOP-NOPE&transaction_status=settlement").status())
			.isEqualTo(404);
		assertThat(this.http.get("/snap/finish").status()).isEqualTo(404);
	}

	@Test
	void badQuantityIsRefusedOnTheProductPageAndNothingIsStored() {
		long before = this.orders.count();

		Page page = this.http.post("/products/" + product("KOPI-250") + "/checkout/snap", "quantity", "0", "name",
				"Budi Utomo", "email", "budi@example.com");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("error")).contains("Quantity");
		assertThat(this.orders.count()).isEqualTo(before);
	}

	private Page startSnapCheckout() {
		Page answer = this.http.post("/products/" + product("KOPI-250") + "/checkout/snap", "quantity", "2", "name",
				"Budi Utomo", "email", "budi@example.com", "phone", "08111222333");
		assertThat(answer.status()).isEqualTo(302);
		return answer;
	}

	/** The order whose Snap page the browser was sent to. */
	private String orderSentTo(String snapPage) {
		return this.orders.findAll()
			.stream()
			.map(ShopOrder::getOrderNumber)
			.filter((number) -> snapPage
				.equals(this.payments.findByOrderId(number).map(MidtransPayment::getSnapRedirectUrl).orElse(null)))
			.findFirst()
			.orElseThrow();
	}

	private long product(String sku) {
		return this.products.findAll()
			.stream()
			.filter((product) -> product.getSku().equals(sku))
			.findFirst()
			.orElseThrow()
			.getId();
	}

}
