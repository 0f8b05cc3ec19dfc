package io.github.springmidtrans.client.model;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The complete JSON body Midtrans answered, including fields this library does not model
 * yet. Its {@link #toString()} lists field names only, never values, because bodies can
 * hold tokens and signatures.
 *
 * @param node the parsed body
 * @since 0.1.0
 */
public record RawJson(JsonNode node) {

	/**
	 * The text of a top-level field.
	 * @param field the field name as Midtrans spells it, such as {@code "order_id"}
	 * @return its value as text, or {@code null} when absent or JSON {@code null}
	 */
	public @Nullable String text(String field) {
		JsonNode value = this.node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/**
	 * Whether the body has a top-level field of this name.
	 * @param field the field name as Midtrans spells it
	 * @return {@code true} when present, even if JSON {@code null}
	 */
	public boolean has(String field) {
		return this.node.has(field);
	}

	@Override
	public String toString() {
		List<String> names = new ArrayList<>(this.node.propertyNames());
		return "RawJson" + names;
	}

}
