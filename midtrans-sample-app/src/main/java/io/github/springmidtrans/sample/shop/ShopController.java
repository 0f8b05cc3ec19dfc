package io.github.springmidtrans.sample.shop;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentNotFoundException;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.sample.Labels;
import io.github.springmidtrans.sample.ShopRoles;
import io.github.springmidtrans.sample.shop.Checkout.CheckoutResult;
import io.github.springmidtrans.sample.shop.Checkout.SnapCheckoutResult;
import io.github.springmidtrans.test.MidtransSimulator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
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
 * needs to pay and the live status. Orders belong to the browser session that placed them
 * ({@link VisitorOrders}): the home page lists only those, and an order's pages answer
 * only its visitor or the admin.
 */
@Controller
class ShopController {

	private final ProductRepository products;

	private final ShopOrderRepository orders;

	private final Checkout checkout;

	private final PaymentService payments;

	private final ObjectProvider<MidtransSimulator> simulator;

	private final Labels labels;

	ShopController(ProductRepository products, ShopOrderRepository orders, Checkout checkout, PaymentService payments,
			ObjectProvider<MidtransSimulator> simulator, Labels labels) {
		this.products = products;
		this.orders = orders;
		this.checkout = checkout;
		this.payments = payments;
		this.simulator = simulator;
		this.labels = labels;
	}

	@GetMapping("/")
	String catalogue(Model model, HttpSession session) {
		model.addAttribute("products", this.products.findAllByOrderByPriceAsc());
		List<String> mine = VisitorOrders.of(session);
		model.addAttribute("orders", mine.isEmpty() ? List.of() : this.orders.findByOrderNumberInOrderByIdDesc(mine));
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
			Model model, RedirectAttributes redirect, HttpSession session) {
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
		VisitorOrders.add(session, result.orderNumber());
		if (result.error() != null) {
			redirect.addFlashAttribute("error", result.error());
		}
		return "redirect:/orders/" + result.orderNumber();
	}

	@PostMapping("/products/{id}/checkout/snap")
	String payWithSnap(@PathVariable long id, @RequestParam(defaultValue = "1") int quantity,
			@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String phone, Model model, RedirectAttributes redirect,
			HttpSession session) {
		SnapCheckoutResult result;
		try {
			result = this.checkout.payWithSnap(id, quantity, new Customer(name, email, phone), snapFinishUrl());
		}
		catch (IllegalArgumentException ex) {
			model.addAttribute("form", new CheckoutForm(quantity, name, email, phone, PaymentOption.BCA_VA));
			model.addAttribute("error", ex.getMessage());
			return product(id, model);
		}
		return afterSnapCheckout(result, redirect, session);
	}

	/**
	 * Pay again for a declined, failed or expired order: a new order for the same things,
	 * with the method the customer picks now (or Snap).
	 */
	@PostMapping("/orders/{orderNumber}/pay-again")
	String payAgain(@PathVariable String orderNumber, @RequestParam(defaultValue = "") String method,
			HttpServletRequest request, RedirectAttributes redirect) {
		HttpSession session = request.getSession();
		ownOrder(orderNumber, request);
		PaymentOption option = Arrays.stream(PaymentOption.values())
			.filter((candidate) -> candidate.name().equals(method))
			.findFirst()
			.orElse(null);
		if (option == null && !method.equals("SNAP")) {
			redirect.addFlashAttribute("error", "Please choose a payment method.");
			return "redirect:/orders/" + orderNumber;
		}
		try {
			if (option == null) {
				return afterSnapCheckout(this.checkout.payAgainWithSnap(orderNumber, snapFinishUrl()), redirect,
						session);
			}
			CheckoutResult result = this.checkout.payAgainWithCoreApi(orderNumber, option);
			VisitorOrders.add(session, result.orderNumber());
			redirect.addFlashAttribute((result.error() != null) ? "error" : "message",
					(result.error() != null) ? result.error() : "A new order replaces " + orderNumber + ".");
			return "redirect:/orders/" + result.orderNumber();
		}
		catch (IllegalArgumentException ex) {
			redirect.addFlashAttribute("error", ex.getMessage());
			return "redirect:/orders/" + orderNumber;
		}
	}

	private String afterSnapCheckout(SnapCheckoutResult result, RedirectAttributes redirect, HttpSession session) {
		VisitorOrders.add(session, result.orderNumber());
		if (result.redirectUrl() == null) {
			redirect.addFlashAttribute("error", result.error());
			return "redirect:/orders/" + result.orderNumber();
		}
		return "redirect:" + result.redirectUrl();
	}

	/** Snap appends order_id, status_code and transaction_status to this address. */
	private static String snapFinishUrl() {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/snap/finish").toUriString();
	}

	/**
	 * Where Snap sends the browser back. Its query parameters only say which order to
	 * show: the status comes from the database, which the signed notification (or a
	 * status check) updates.
	 */
	@GetMapping("/snap/finish")
	String snapFinish(@RequestParam(name = "order_id", defaultValue = "") String orderNumber, Model model,
			HttpServletRequest request) {
		ShopOrder order = ownOrder(orderNumber, request);
		model.addAttribute("order", order);
		model.addAttribute("payment", this.payments.findByOrderId(orderNumber).orElse(null));
		model.addAttribute("live", order.getStatus() == OrderStatus.AWAITING_PAYMENT);
		return "shop/finish";
	}

	@GetMapping("/orders/{orderNumber}")
	String order(@PathVariable String orderNumber, Model model, HttpServletRequest request) {
		ShopOrder order = ownOrder(orderNumber, request);
		MidtransPayment payment = this.payments.findByOrderId(orderNumber).orElse(null);
		model.addAttribute("order", order);
		model.addAttribute("payment", payment);
		model.addAttribute("demo", this.simulator.getIfAvailable() != null);
		model.addAttribute("live", order.getStatus() == OrderStatus.AWAITING_PAYMENT);
		model.addAttribute("qrImage", qrImage(order, payment));
		model.addAttribute("snapPage", snapPage(payment));
		model.addAttribute("paymentOptions", paymentOptions());
		return "shop/order";
	}

	@GetMapping(path = "/orders/{orderNumber}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
	ResponseEntity<byte[]> qrCode(@PathVariable String orderNumber, HttpServletRequest request) {
		ownOrder(orderNumber, request);
		String qrString = this.payments.findByOrderId(orderNumber)
			.map(MidtransPayment::getQrString)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No QR code for " + orderNumber));
		return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(QrCodes.png(qrString, 240));
	}

	@PostMapping("/orders/{orderNumber}/simulate-payment")
	String simulatePayment(@PathVariable String orderNumber, RedirectAttributes redirect, HttpServletRequest request) {
		ownOrder(orderNumber, request);
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
	String checkStatus(@PathVariable String orderNumber, RedirectAttributes redirect, HttpServletRequest request) {
		ownOrder(orderNumber, request);
		try {
			MidtransPayment payment = this.payments.refreshStatus(orderNumber);
			redirect.addFlashAttribute("message", "Midtrans says the payment is "
					+ this.labels.paymentStatus(payment.getStatus()).toLowerCase(Locale.ROOT) + ".");
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

	/**
	 * The order, when it belongs to this browser session or the admin asks; otherwise the
	 * same "not found" as for an order that does not exist, so that order numbers cannot
	 * be tried out.
	 */
	private ShopOrder ownOrder(String orderNumber, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		boolean allowed = (session != null && VisitorOrders.owns(session, orderNumber))
				|| request.isUserInRole(ShopRoles.ADMIN);
		return this.orders.findByOrderNumber(orderNumber)
			.filter((order) -> allowed)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No order " + orderNumber));
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
