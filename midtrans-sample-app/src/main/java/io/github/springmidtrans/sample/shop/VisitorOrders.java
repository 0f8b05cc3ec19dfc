package io.github.springmidtrans.sample.shop;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpSession;

/**
 * The orders placed in one browser session: the visitor's own. The home page lists only
 * these, and only their visitor (or the admin) may open them. A real shop would tie
 * orders to a customer account; the sample has no customer login, so the session stands
 * in for one.
 */
final class VisitorOrders {

	private static final String ATTRIBUTE = VisitorOrders.class.getName();

	/** How many orders one session remembers. */
	static final int LIMIT = 20;

	private VisitorOrders() {
	}

	static void add(HttpSession session, String orderNumber) {
		List<String> numbers = new ArrayList<>(of(session));
		numbers.remove(orderNumber);
		numbers.add(0, orderNumber);
		// Set again after each change, so that a replicated session sees it.
		session.setAttribute(ATTRIBUTE, new ArrayList<>(numbers.subList(0, Math.min(LIMIT, numbers.size()))));
	}

	/**
	 * The order numbers of this session.
	 * @param session the session
	 * @return newest first
	 */
	static List<String> of(HttpSession session) {
		return (session.getAttribute(ATTRIBUTE) instanceof List<?> list) ? list.stream().map(String::valueOf).toList()
				: List.of();
	}

	static boolean owns(HttpSession session, String orderNumber) {
		return of(session).contains(orderNumber);
	}

}
