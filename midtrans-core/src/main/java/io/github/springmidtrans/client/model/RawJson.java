package io.github.springmidtrans.client.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The complete JSON body Midtrans answered, including fields this library does not model
 * yet. Its {@link #toString()} lists field names only, never values, because bodies can
 * hold tokens and signatures.
 *
 * <p>
 * A client's answers keep their body as received and parse it into a tree only when
 * {@link #node()} (or {@link #text}, {@link #has}) is first called: most callers only
 * read the typed fields. Thread-safe; {@link #node()} always returns the same tree.
 *
 * @since 0.1.0
 */
public final class RawJson {

	private @Nullable Supplier<? extends JsonNode> parser;

	private volatile @Nullable JsonNode node;

	/**
	 * The body of an already parsed answer.
	 * @param node the parsed body
	 */
	public RawJson(JsonNode node) {
		this.node = Objects.requireNonNull(node, "node");
	}

	private RawJson(Supplier<? extends JsonNode> parser) {
		this.parser = parser;
	}

	/**
	 * A body parsed when it is first needed.
	 * @param parser parses the body; called at most once, and must not return
	 * {@code null}
	 * @return the body
	 * @since 0.1.0
	 */
	public static RawJson parsedOnDemand(Supplier<? extends JsonNode> parser) {
		return new RawJson(Objects.requireNonNull(parser, "parser"));
	}

	/**
	 * The parsed body.
	 * @return the body as a tree
	 */
	public JsonNode node() {
		JsonNode parsed = this.node;
		if (parsed == null) {
			synchronized (this) {
				parsed = this.node;
				if (parsed == null) {
					parsed = Objects.requireNonNull(Objects.requireNonNull(this.parser).get(), "parsed body");
					this.node = parsed;
					this.parser = null;
				}
			}
		}
		return parsed;
	}

	/**
	 * The text of a top-level field.
	 * @param field the field name as Midtrans spells it, such as {@code "order_id"}
	 * @return its value as text, or {@code null} when absent or JSON {@code null}
	 */
	public @Nullable String text(String field) {
		JsonNode value = node().get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	/**
	 * Whether the body has a top-level field of this name.
	 * @param field the field name as Midtrans spells it
	 * @return {@code true} when present, even if JSON {@code null}
	 */
	public boolean has(String field) {
		return node().has(field);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (this == other) || (other instanceof RawJson raw && node().equals(raw.node()));
	}

	@Override
	public int hashCode() {
		return node().hashCode();
	}

	@Override
	public String toString() {
		List<String> names = new ArrayList<>(node().propertyNames());
		return "RawJson" + names;
	}

}
