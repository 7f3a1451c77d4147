package org.loginservice.web;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;

/**
 * Reads request bodies so that every body has one meaning:
 * <ul>
 * <li>a number or boolean where a string is expected is refused, so that
 * {@code "password": 12345678} is a 400 rather than the password "12345678";</li>
 * <li>a key given twice is refused: a proxy or firewall that reads the first
 * {@code "password"} would see another password than the service checks, which by default
 * reads the last;</li>
 * <li>a key the request does not have is refused (400 {@code invalid-fields} naming it):
 * {@code "Password"} beside {@code "password"} is one field to a proxy that ignores case
 * and two here;</li>
 * <li>a string with an unpaired surrogate ({@code "\ud800"}) is refused: it has no UTF-8
 * form, so {@code "\ud800"}, {@code "\udfff"} and {@code "?"} would hash alike.</li>
 * </ul>
 * The others are a 400 {@code malformed-request}.
 */
@Component
class StrictJson implements JsonMapperBuilderCustomizer {

	@Override
	public void customize(JsonMapper.Builder builder) {
		builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
		builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
		builder.withCoercionConfig(LogicalType.Textual, (config) -> {
			config.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
			config.setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
			config.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		});
		builder.addModule(new SimpleModule("well-formed-strings").addDeserializer(String.class, new WellFormed()));
	}

	/** Whether every surrogate in the text is half of a pair, as UTF-8 needs. */
	static boolean wellFormed(CharSequence text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return false;
			}
		}
		return true;
	}

	private static final class WellFormed extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			String value = super.deserialize(parser, context);
			if (value != null && !wellFormed(value)) {
				// The message names no value: it may be a password.
				return context.reportInputMismatch(this, "A string has an unpaired surrogate");
			}
			return value;
		}

	}

}
