package org.loginservice.passkey;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import tools.jackson.databind.json.JsonMapper;

/**
 * A passkey authenticator in software, as WebAuthn and CTAP2 define one: it makes an
 * ES256 key pair per credential, answers with "none" attestation, and signs assertions
 * over the authenticator data and the hash of the client data, with the JDK's
 * {@link Signature}. Its encoding is webauthn4j's, but the service decodes with its own
 * copy: what is tested is the service's checks. Each answer can be bent the way an
 * attacker would bend it (another origin, RP id, challenge or counter).
 */
public class SoftwareAuthenticator {

	public static final String ORIGIN = "http://localhost:8080";

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder FROM_BASE64URL = Base64.getUrlDecoder();

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final ObjectConverter converter = new ObjectConverter();

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Credential> credentials = new LinkedHashMap<>();

	/** Whether the signature counter counts; Chrome's virtual authenticator may not. */
	private final boolean counting;

	public SoftwareAuthenticator(boolean counting) {
		this.counting = counting;
	}

	/**
	 * Makes a passkey for the options of {@code POST /me/passkeys/options}.
	 * @return the browser's {@code credential.toJSON()}
	 */
	public Map<String, Object> create(Map<String, Object> options, Ceremony ceremony) {
		@SuppressWarnings("unchecked")
		Map<String, Object> rp = (Map<String, Object>) options.get("rp");
		@SuppressWarnings("unchecked")
		Map<String, Object> user = (Map<String, Object>) options.get("user");
		String rpId = (ceremony.rpId != null) ? ceremony.rpId : (String) rp.get("id");
		KeyPair keys = newKeyPair();
		byte[] credentialId = new byte[16];
		this.random.nextBytes(credentialId);
		String id = BASE64URL.encodeToString(credentialId);
		Credential credential = new Credential(id, keys, (String) user.get("id"), rpId);
		AttestedCredentialData attested = new AttestedCredentialData(AAGUID.ZERO, credentialId,
				EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256));
		byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT);
		AuthenticatorData<?> data = new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags,
				credential.nextCount(this.counting), attested);
		@SuppressWarnings({ "unchecked", "rawtypes" })
		byte[] attestation = new AttestationObjectConverter(converter)
			.convertToBytes(new AttestationObject((AuthenticatorData) data, new NoneAttestationStatement()));
		byte[] clientData = clientData("webauthn.create", challenge(options, ceremony), ceremony);
		this.credentials.put(id, credential);
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
		response.put("attestationObject", BASE64URL.encodeToString(attestation));
		response.put("transports", List.of("internal"));
		return publicKeyCredential(id, response);
	}

	/**
	 * Logs in with the passkey, for the options of {@code POST /login/passkey/options}.
	 * @return the browser's {@code credential.toJSON()}
	 */
	public Map<String, Object> get(String credentialId, Map<String, Object> options, Ceremony ceremony) {
		Credential credential = this.credentials.get(credentialId);
		String rpId = (ceremony.rpId != null) ? ceremony.rpId : credential.rpId;
		byte flags = (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV);
		long count = (ceremony.counter != null) ? ceremony.counter : credential.nextCount(this.counting);
		byte[] data = new AuthenticatorDataConverter(converter)
			.convert(new AuthenticatorData<>(sha256(rpId.getBytes(StandardCharsets.UTF_8)), flags, count));
		byte[] clientData = clientData("webauthn.get", challenge(options, ceremony), ceremony);
		KeyPair keys = (ceremony.signer != null) ? this.credentials.get(ceremony.signer).keys : credential.keys;
		byte[] signature = sign(keys, data, sha256(clientData));
		Map<String, Object> response = new LinkedHashMap<>();
		response.put("clientDataJSON", BASE64URL.encodeToString(clientData));
		response.put("authenticatorData", BASE64URL.encodeToString(data));
		response.put("signature", BASE64URL.encodeToString(signature));
		response.put("userHandle", (ceremony.userHandle != null) ? ceremony.userHandle : credential.userHandle);
		return publicKeyCredential(credentialId, response);
	}

	/** The user handle the service gave the passkey. */
	public String userHandle(String credentialId) {
		return this.credentials.get(credentialId).userHandle;
	}

	private static String challenge(Map<String, Object> options, Ceremony ceremony) {
		return (ceremony.challenge != null) ? ceremony.challenge : (String) options.get("challenge");
	}

	private static byte[] clientData(String type, String challenge, Ceremony ceremony) {
		Map<String, Object> clientData = new LinkedHashMap<>();
		clientData.put("type", type);
		clientData.put("challenge", challenge);
		clientData.put("origin", (ceremony.origin != null) ? ceremony.origin : ORIGIN);
		clientData.put("crossOrigin", false);
		return json.writeValueAsBytes(clientData);
	}

	private static Map<String, Object> publicKeyCredential(String id, Map<String, Object> response) {
		Map<String, Object> credential = new LinkedHashMap<>();
		credential.put("id", id);
		credential.put("rawId", id);
		credential.put("type", "public-key");
		credential.put("response", response);
		credential.put("authenticatorAttachment", "platform");
		credential.put("clientExtensionResults", Map.of());
		return credential;
	}

	private static KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] sign(KeyPair keys, byte[] data, byte[] clientDataHash) {
		try {
			Signature signature = Signature.getInstance("SHA256withECDSA");
			signature.initSign(keys.getPrivate());
			signature.update(data);
			signature.update(clientDataHash);
			return signature.sign();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] fromBase64url(String text) {
		return FROM_BASE64URL.decode(text);
	}

	/**
	 * How to bend one answer: every field left null is what an honest browser and
	 * authenticator would send.
	 *
	 * @param origin the page's origin the client data names
	 * @param rpId the RP id whose hash the authenticator data holds
	 * @param challenge the challenge the client data names
	 * @param counter the signature counter
	 * @param userHandle the user handle of the assertion
	 * @param signer the credential whose key signs the assertion
	 */
	public record Ceremony(String origin, String rpId, String challenge, Long counter, String userHandle,
			String signer) {

		public static final Ceremony HONEST = new Ceremony(null, null, null, null, null, null);

		public Ceremony withOrigin(String origin) {
			return new Ceremony(origin, this.rpId, this.challenge, this.counter, this.userHandle, this.signer);
		}

		public Ceremony withRpId(String rpId) {
			return new Ceremony(this.origin, rpId, this.challenge, this.counter, this.userHandle, this.signer);
		}

		public Ceremony withChallenge(String challenge) {
			return new Ceremony(this.origin, this.rpId, challenge, this.counter, this.userHandle, this.signer);
		}

		public Ceremony withCounter(long counter) {
			return new Ceremony(this.origin, this.rpId, this.challenge, counter, this.userHandle, this.signer);
		}

		public Ceremony withUserHandle(String userHandle) {
			return new Ceremony(this.origin, this.rpId, this.challenge, this.counter, userHandle, this.signer);
		}

		public Ceremony signedBy(String credentialId) {
			return new Ceremony(this.origin, this.rpId, this.challenge, this.counter, this.userHandle, credentialId);
		}

	}

	private static final class Credential {

		private final String id;

		private final KeyPair keys;

		private final String userHandle;

		private final String rpId;

		private long count;

		Credential(String id, KeyPair keys, String userHandle, String rpId) {
			this.id = id;
			this.keys = keys;
			this.userHandle = userHandle;
			this.rpId = rpId;
		}

		long nextCount(boolean counting) {
			if (counting) {
				this.count++;
			}
			return this.count;
		}

	}

}
