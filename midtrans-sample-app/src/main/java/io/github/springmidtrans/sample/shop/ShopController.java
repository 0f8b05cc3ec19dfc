package io.github.springmidtrans.sample.shop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentNotFoundException;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.sample.shop.Checkout.CheckoutResult;
import io.github.springmidtrans.sample.shop.Checkout.SnapCheckoutResult;
import io.github.springmidtrans.test.MidtransSimulator;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The customer's pages: catalogue, checkout, and the order page with what the customer
 * needs to pay and the live status.
 */
@Controller
class ShopController {

	private final ProductRepository products;

	private final ShopOrderRepository orders;

	private final Checkout checkout;

	private final PaymentService payments;

	private final ObjectProvider<MidtransSimulator> simulator;

	ShopController(ProductRepository products, ShopOrderRepository orders, Checkout checkout, PaymentService payments,
			ObjectProvider<MidtransSimulator> simulator) {
		this.products = products;
		this.orders = orders;
		this.checkout = checkout;
		this.payments = payments;
		this.simulator = simulator;
	}

	@GetMapping("/")
	String catalogue(Model model) {
		model.addAttribute("products", this.products.findAllByOrderByPriceAsc());
		model.addAttribute("orders", this.orders.findTop20ByOrderByIdDesc());
		return "shop/catalogue";
	}

	@GetMapping("/products/{id}")
	String product(@PathVariable long id, Model model) {
		model.addAttribute("product", product(id));
		model.addAttribute("paymentOptions", paymentOptions());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new CheckoutForm(1, "", "", "", PaymentOption.BCA_VA));
		}
		return "shop/checkout";
	}

	@PostMapping("/products/{id}/checkout/core-api")
	String payWithCoreApi(@PathVariable long id, @RequestParam(defaultValue = "1") int quantity,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "BCA_VA") PaymentOption method,
			Model model, RedirectAttributes redirect) {
		CheckoutForm form = new CheckoutForm(quantity, name, email, phone, method);
		CheckoutResult result;
		try {
			result = this.checkout.payWithCoreApi(id, quantity, new Customer(name, email, phone), method);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("form", form);
			model.addAttribute("error", ex.getMessage());
			return product(id, model);
		}
		if (result.error() != null) {
			redirect.addFlashAttribute("error", result.error());
		}
		return "redirect:/orders/" + result.orderNumber();
	}

	@PostMapping("/products/{id}/checkout/snap")
	String payWithSnap(@PathVariable long id, @RequestParam(defaultValue = "1") int quantity,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String phone, Model model, RedirectAttributes redirect) {
		// Snap appends order_id, status_code and transaction_status to this address.
		String finishUrl = ServletUriComponentsBuilder.fromCurrentContextPath().path("/snap/finish").toUriString();
		SnapCheckoutResult result;
		try {
			result = this.checkout.payWithSnap(id, quantity, new Customer(name, email, phone), finishUrl);
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("form", new CheckoutForm(quantity, name, email, phone, PaymentOption.BCA_VA));
			model.addAttribute("error", ex.getMessage());
			return product(id, model);
		}
		if (result.redirectUrl() == null) {
			redirect.addFlashAttribute("error", result.error());
			return "redirect:/orders/" + result.orderNumber();
		}
		return "redirect:" + result.redirectUrl();
	}

	/**
	 * Where Snap sends the browser back. Its query parameters only say which order to
	 * show: the status comes from the database, which the signed notification (or a
	 * status check) updates.
	 */
	@GetMapping("/snap/finish")
	String snapFinish(@RequestParam(name = "order_id", defaultValue = "") String orderNumber, Model model) {
		ShopOrder order = this.orders.findByOrderNumber(orderNumber)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderNumber));
		model.addAttribute("order", order);
		model.addAttribute("payment", this.payments.findByOrderId(orderNumber).orElse(null));
		model.addAttribute("live", order.getStatus() == OrderStatus.AWAITING_PAYMENT);
		return "shop/finish";
	}

	@GetMapping("/orders/{orderNumber}")
	String order(@PathVariable String orderNumber, Model model) {
		ShopOrder order = this.orders.findByOrderNumber(orderNumber)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderNumber));
		MidtransPayment payment = this.payments.findByOrderId(orderNumber).orElse(null);
		model.addAttribute("order", order);
		model.addAttribute("payment", payment);
		model.addAttribute("demo", this.simulator.getIfAvailable() != null);
		model.addAttribute("live", order.getStatus() == OrderStatus.AWAITING_PAYMENT);
		model.addAttribute("qrImage", qrImage(order, payment));
		model.addAttribute("snapPage", snapPage(payment));
		return "shop/order";
	}

	@GetMapping(path = "/orders/{orderNumber}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qrCode(@PathVariable String orderNumber) {
		String qrString = this.payments.findByOrderId(orderNumber)
			.map(MidtransPayment::getQrString)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No QR code for " + orderNumber));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.png(qrString, 240));
	}

	@PostMapping("/orders/{orderNumber}/simulate-payment")
	String simulatePayment(@PathVariable String orderNumber, RedirectAttributes redirect) {
		MidtransSimulator simulator = this.simulator.getIfAvailable();
		if (simulator == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Payments are simulated in demo mode only");
		}
		try {
			simulator.pay(orderNumber);
			redirect.addFlashAttribute("message",
					"The simulator paid the order; its notification is on the way to the shop.");
		}
		catch (IllegalStateException ex) {
			redirect.addFlashAttribute("error", "The simulator could not pay: " + ex.getMessage());
		}
		return "redirect:/orders/" + orderNumber;
	}

	@PostMapping("/orders/{orderNumber}/check-status")
	String checkStatus(@PathVariable String orderNumber, RedirectAttributes redirect) {
		try {
			MidtransPayment payment = this.payments.refreshStatus(orderNumber);
			redirect.addFlashAttribute("message", "Midtrans says the payment is " + payment.getStatus() + ".");
		}
		catch (MidtransException ex) {
			redirect.addFlashAttribute("error", "The status check failed: " + ex.getStatusMessage());
		}
		catch (PaymentNotFoundException ex) {
			redirect.addFlashAttribute("error", "This order has no payment yet.");
		}
		return "redirect:/orders/" + orderNumber;
	}

	/** Snap's page, while the customer can still open it to pick a method. */
	private @Nullable String snapPage(@Nullable MidtransPayment payment) {
		if (payment == null || payment.getPaymentType() != null || !payment.isSnapPageOpenAt(Instant.now())) {
			return null;
		}
		return payment.getSnapRedirectUrl();
	}

	private @Nullable String qrImage(ShopOrder order, @Nullable MidtransPayment payment) {
		if (payment == null) {
			return null;
		}
		if (payment.getQrString() != null) {
			return "/orders/" + order.getOrderNumber() + "/qr.png";
		}
		return payment.getQrCodeUrl();
	}

	private Product product(long id) {
		return this.products.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No product " + id));
	}

	private static Map<String, List<PaymentOption>> paymentOptions() {
		Map<String, List<PaymentOption>> groups = new LinkedHashMap<>();
		Arrays.stream(PaymentOption.values())
			.forEach((option) -> groups.computeIfAbsent(option.getGroup(), (group) -> new ArrayList<>()).add(option));
		return groups;
	}

}
