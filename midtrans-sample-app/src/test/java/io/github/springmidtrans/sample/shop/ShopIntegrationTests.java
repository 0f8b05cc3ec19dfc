package io.github.springmidtrans.sample.shop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.springmidtrans.notification.NotificationOutcome;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.sample.ShopHttp;
import io.github.springmidtrans.sample.ShopHttp.Page;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorOperation;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The customer's pages over real HTTP, with the shop's embedded simulator and H2: what
 * each payment method shows, the simulated payment that turns the order paid through the
 * webhook and the fulfilment listener, and mistakes at checkout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopIntegrationTests {

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

	@Autowired
	EntityManager entityManager;

	ShopHttp http;

	@BeforeEach
	void browser() {
		this.http = new ShopHttp(this.port);
	}

	@Test
	void catalogueListsTheSeededProducts() {
		Page page = this.http.get("/");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.has("buy-KOPI-250")).isTrue();
		assertThat(page.body()).contains("Toraja coffee beans, 250 g", "Rp 85.000", "Batik scarf");
	}

	@Test
	void bankTransferShowsTheVirtualAccountAndTurnsPaidWhenTheSimulatorPays() {
		Page order = checkout("BCA_VA");
		String orderNumber = order.text("order-number");

		MidtransPayment payment = this.payments.findByOrderId(orderNumber).orElseThrow();
		assertThat(order.text("order-status")).isEqualTo("Awaiting payment");
		assertThat(order.text("va-bank")).isEqualTo("BCA");
		assertThat(order.text("va-number")).isNotBlank().isEqualTo(payment.getVaNumber());
		assertThat(order.text("amount")).isEqualTo("Rp 170.000");
		assertThat(order.body()).as("the page refreshes itself while waiting").contains("http-equiv=\"refresh\"");

		Page afterClick = this.http.submit("/orders/" + orderNumber + "/simulate-payment");
		assertThat(afterClick.text("message")).contains("The simulator paid the order");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(orderNumber).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.FULFILLED);
		Page paid = this.http.get("/orders/" + orderNumber);
		assertThat(paid.attribute("order-status", "data-status")).isEqualTo("FULFILLED");
		assertThat(paid.has("paid-banner")).isTrue();
		assertThat(paid.has("va-number")).as("nothing left to pay").isFalse();
		assertThat(paid.body()).doesNotContain("http-equiv=\"refresh\"");
		assertThat(this.payments.findByOrderId(orderNumber).orElseThrow().getStatus())
			.isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(notificationOutcomes(orderNumber)).contains(NotificationOutcome.PROCESSED);
		assertThat(this.orders.findByOrderNumber(orderNumber).orElseThrow().getPaidAt()).isNotNull();
	}

	@ParameterizedTest
	@CsvSource({ "BNI_VA, va-number", "BRI_VA, va-number", "PERMATA_VA, va-number", "MANDIRI_BILL, bill-key",
			"MANDIRI_BILL, biller-code", "INDOMARET, payment-code", "ALFAMART, payment-code", "QRIS, qr-code",
			"GOPAY, deeplink", "GOPAY, qr-code", "CREDIT_CARD, redirect-url", "CREDIT_CARD_AUTHORIZE, redirect-url" })
	void eachPaymentMethodShowsWhatTheCustomerNeeds(String method, String element) {
		Page order = checkout(method);

		assertThat(order.status()).isEqualTo(200);
		assertThat(order.has("error")).as("no error for %s", method).isFalse();
		assertThat(order.has(element)).as("%s shows %s", method, element).isTrue();
		assertThat(order.attribute("payment-status", "data-status")).isEqualTo("PENDING");
	}

	@Test
	void mandiriBillShowsTheBillKeyAndBillerCodeOfThePayment() {
		Page order = checkout("MANDIRI_BILL");
		MidtransPayment payment = this.payments.findByOrderId(order.text("order-number")).orElseThrow();

		assertThat(order.text("bill-key")).isNotBlank().isEqualTo(payment.getBillKey());
		assertThat(order.text("biller-code")).isNotBlank().isEqualTo(payment.getBillerCode());
	}

	@Test
	void qrisQrCodeIsDrawnAsAPngImage() {
		Page order = checkout("QRIS");
		String image = order.attribute("qr-code", "src");

		Page png = this.http.get(image);

		assertThat(png.status()).isEqualTo(200);
		assertThat(png.contentType()).startsWith("image/png");
		assertThat(png.bytes()).startsWith(0x89, 'P', 'N', 'G');
	}

	@Test
	void cardPaymentIsPaidAfterItsThreeDsStepIsSimulated() {
		Page order = checkout("CREDIT_CARD");
		String orderNumber = order.text("order-number");
		assertThat(order.attribute("redirect-url", "href")).startsWith(this.simulator.baseUrl());

		this.http.submit("/orders/" + orderNumber + "/simulate-payment");

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(orderNumber).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.FULFILLED);
	}

	@Test
	void checkStatusReadsTheStatusFromMidtrans() {
		Page order = checkout("BRI_VA");
		String orderNumber = order.text("order-number");
		this.simulator.notifications().hold();
		try {
			this.simulator.pay(orderNumber);

			Page checked = this.http.submit("/orders/" + orderNumber + "/check-status");

			assertThat(checked.text("message")).isEqualTo("Midtrans says the payment is settled.");
			assertThat(checked.attribute("order-status", "data-status")).isEqualTo("FULFILLED");
		}
		finally {
			this.simulator.notifications().release();
		}
	}

	@Test
	void invalidCheckoutShowsTheMistakeAndPlacesNoOrder() {
		long before = this.orders.count();
		long productId = product("TEH-100");

		Page page = this.http.post("/products/" + productId + "/checkout/core-api", "quantity", "1", "name", "Budi",
				"email", "not-an-email", "method", "QRIS");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("error")).isEqualTo("Please enter a valid e-mail address");
		assertThat(page.attribute("name", "value")).as("the form keeps what was typed").isEqualTo("Budi");
		assertThat(page.body()).contains("value=\"QRIS\" checked");
		assertThat(this.orders.count()).isEqualTo(before);
	}

	@Test
	void tooManyItemsAreRefusedWithAMessage() {
		Page page = this.http.post("/products/" + product("TEH-100") + "/checkout/core-api", "quantity", "11", "name",
				"Budi", "email", "budi@example.com", "method", "QRIS");

		assertThat(page.text("error")).isEqualTo("Quantity must be between 1 and 10");
	}

	@Test
	void unreachableMidtransLeavesTheOrderAwaitingItsPayment() {
		this.simulator.faults().on(SimulatorOperation.CHARGE).always().dropConnection();
		try {
			Page order = checkout("BCA_VA");

			assertThat(order.text("error"))
				.isEqualTo("Midtrans could not be reached; the payment will be checked again shortly.");
			assertThat(order.attribute("order-status", "data-status")).isEqualTo("AWAITING_PAYMENT");
			assertThat(this.payments.findByOrderId(order.text("order-number")).orElseThrow().getStatus())
				.as("kept under its order id for the periodic check")
				.isEqualTo(PaymentStatus.INITIATED);
		}
		finally {
			this.simulator.faults().clear();
		}
	}

	@Test
	void failedCardTokenFailsTheOrder() {
		this.simulator.faults().on(SimulatorOperation.CARD_TOKEN).always().serverError(503);
		try {
			Page order = checkout("CREDIT_CARD");

			assertThat(order.text("error")).startsWith("Midtrans could not be reached");
			assertThat(order.attribute("order-status", "data-status")).isEqualTo("PAYMENT_FAILED");
			assertThat(this.payments.findByOrderId(order.text("order-number"))).isEmpty();
		}
		finally {
			this.simulator.faults().clear();
		}
	}

	@Test
	void unknownOrderIsNotFound() {
		Page page = this.http.get("/orders/SHOP-NOPE");

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).doesNotContain("Exception");
	}

	@Test
	void expiredPaymentExpiresTheOrder() {
		Page order = checkout("GOPAY");
		String orderNumber = order.text("order-number");

		this.simulator.expire(orderNumber);

		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(orderNumber).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.EXPIRED);
		assertThat(this.http.get("/orders/" + orderNumber).text("order-status")).isEqualTo("Expired");
	}

	@Test
	void simulatorClockFollowsTheWallClockInDemoMode() {
		Instant now = Instant.now();

		await().atMost(Duration.ofSeconds(5)).until(() -> !this.simulator.clock().instant().isBefore(now));
	}

	@Test
	void pagesNeverShowTheServerKey() {
		Page order = checkout("PERMATA_VA");
		this.http.submit("/orders/" + order.text("order-number") + "/simulate-payment");
		this.http.signInAsAdmin();

		for (String path : List.of("/", "/orders/" + order.text("order-number"), "/admin/payments",
				"/admin/payments/" + order.text("order-number"), "/admin/notifications", "/admin/tasks")) {
			Page page = this.http.get(path);
			assertThat(page.status()).as(path).isEqualTo(200);
			assertThat(page.body()).as(path).doesNotContain(this.simulator.serverKey());
		}
	}

	@Test
	void homePageListsOnlyTheOrdersOfThisVisitor() {
		String mine = checkout("BCA_VA").text("order-number");
		ShopHttp otherVisitor = new ShopHttp(this.port);
		String theirs = checkout(otherVisitor, "QRIS").text("order-number");

		assertThat(this.http.get("/").body()).contains("data-order-number=\"" + mine + "\"").doesNotContain(theirs);
		assertThat(otherVisitor.get("/").body()).contains("data-order-number=\"" + theirs + "\"").doesNotContain(mine);
		assertThat(new ShopHttp(this.port).get("/").has("recent-orders")).as("a new visitor has no orders").isFalse();
		assertThat(this.http.signInAsAdmin().get("/").body()).as("signing in keeps the session's orders")
			.contains("data-order-number=\"" + mine + "\"");
	}

	@Test
	void anotherVisitorCannotOpenOrActOnAnOrder() {
		String orderNumber = checkout("BCA_VA").text("order-number");
		ShopHttp otherVisitor = new ShopHttp(this.port);

		assertThat(otherVisitor.get("/orders/" + orderNumber).status()).isEqualTo(404);
		assertThat(otherVisitor.get("/snap/finish?order_id=" + orderNumber).status()).isEqualTo(404);
		assertThat(otherVisitor.post("/orders/" + orderNumber + "/simulate-payment").status()).isEqualTo(404);
		assertThat(otherVisitor.post("/orders/" + orderNumber + "/check-status").status()).isEqualTo(404);
		assertThat(this.payments.findByOrderId(orderNumber).orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);

		assertThat(otherVisitor.signInAsAdmin().get("/orders/" + orderNumber).status()).as("the admin may")
			.isEqualTo(200);
	}

	@Test
	void declinedCardPaymentIsPaidAgainWithAnotherMethod() {
		Page declined = checkout("CREDIT_CARD");
		String first = declined.text("order-number");
		assertThat(declined.has("pay-again")).as("nothing to pay again while the payment is open").isFalse();
		this.simulator.deny(first);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(first).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.PAYMENT_FAILED);
		Page failed = this.http.get("/orders/" + first);
		assertThat(failed.text("order-status")).isEqualTo("Payment failed");
		assertThat(failed.has("pay-again-core-api")).isTrue();

		Page again = this.http.submit("/orders/" + first + "/pay-again", "method", "QRIS");

		String second = again.text("order-number");
		assertThat(second).startsWith("SHOP-").isNotEqualTo(first);
		assertThat(again.text("message")).isEqualTo("A new order replaces " + first + ".");
		assertThat(again.has("qr-code")).isTrue();
		ShopOrder retried = this.orders.findByOrderNumber(second).orElseThrow();
		assertThat(retried.getAmount()).isEqualTo(170_000);
		assertThat(retried.getCustomerEmail()).isEqualTo("budi@example.com");
		assertThat(retried.getPaymentOption()).isEqualTo(PaymentOption.QRIS);
		assertThat(this.orders.findByOrderNumber(first).orElseThrow().getStatus())
			.isEqualTo(OrderStatus.PAYMENT_FAILED);
		assertThat(this.http.get("/").body()).contains("data-order-number=\"" + first + "\"",
				"data-order-number=\"" + second + "\"");
	}

	@Test
	void expiredOrderIsPaidAgainWithSnap() {
		String first = checkout("GOPAY").text("order-number");
		this.simulator.expire(first);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.orders.findByOrderNumber(first).orElseThrow().getStatus(),
					(status) -> status == OrderStatus.EXPIRED);

		Page answer = this.http.post("/orders/" + first + "/pay-again", "method", "SNAP");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).startsWith(this.simulator.snapBaseUrl());
	}

	@Test
	void openOrderCannotBePaidAgain() {
		String orderNumber = checkout("BNI_VA").text("order-number");
		long before = this.orders.count();

		Page refused = this.http.submit("/orders/" + orderNumber + "/pay-again", "method", "QRIS");
		Page noMethod = this.http.submit("/orders/" + orderNumber + "/pay-again", "method", "");

		assertThat(refused.text("error")).isEqualTo("Order " + orderNumber
				+ " is awaiting payment: only a declined, failed or expired payment can be tried again");
		assertThat(noMethod.text("error")).isEqualTo("Please choose a payment method.");
		assertThat(this.orders.count()).isEqualTo(before);
	}

	private Page checkout(String method) {
		return checkout(this.http, method);
	}

	private Page checkout(ShopHttp http, String method) {
		Page order = http.submit("/products/" + product("KOPI-250") + "/checkout/core-api", "quantity", "2", "name",
				"Budi Utomo", "email", "budi@example.com", "phone", "08111222333", "method", method);
		assertThat(order.status()).isEqualTo(200);
		return order;
	}

	private long product(String sku) {
		return this.products.findAll()
			.stream()
			.filter((product) -> product.getSku().equals(sku))
			.findFirst()
			.orElseThrow()
			.getId();
	}

	private List<NotificationOutcome> notificationOutcomes(String orderId) {
		return this.entityManager
			.createQuery("select n.outcome from MidtransNotification n where n.orderId = :orderId",
					NotificationOutcome.class)
			.setParameter("orderId", orderId)
			.getResultList();
	}

}
