package org.loginservice.account;

import jakarta.validation.constraints.NotNull;
import org.loginservice.user.MaxUtf8Bytes;
import org.loginservice.user.NoControlCharacters;
import org.loginservice.user.User;

/** The bodies of the requests on {@code /me}. */
final class AccountRequests {

	private AccountRequests() {
	}

	/**
	 * @param data the new data, replacing the old
	 */
	record ChangeData(@NotNull(message = "is required") @MaxUtf8Bytes(User.MAX_DATA_BYTES) String data) {

	}

	/**
	 * @param currentPassword the password now, to confirm it is the owner asking
	 * @param newPassword the password from now on; it must pass the password policy
	 */
	record ChangePassword(@NotNull(message = "is required") @NoControlCharacters String currentPassword,
			@NotNull(message = "is required") @NoControlCharacters String newPassword) {

		/** Without the passwords, so that no log or debugger view ever shows them. */
		@Override
		public String toString() {
			return "ChangePassword[]";
		}

	}

	/**
	 * @param password the account's password, to confirm it is the owner asking
	 */
	record DeleteAccount(@NotNull(message = "is required") @NoControlCharacters String password) {

		/** Without the password, so that no log or debugger view ever shows it. */
		@Override
		public String toString() {
			return "DeleteAccount[]";
		}

	}

	/**
	 * @param password the account's password, to confirm it is the owner asking
	 */
	record ConfirmPassword(@NotNull(message = "is required") @NoControlCharacters String password) {

		/** Without the password, so that no log or debugger view ever shows it. */
		@Override
		public String toString() {
			return "ConfirmPassword[]";
		}

	}

	/**
	 * @param code a current code of the authenticator being enrolled
	 */
	record ConfirmTotp(@NotNull(message = "is required") String code) {

		/** Without the code, so that no log or debugger view ever shows it. */
		@Override
		public String toString() {
			return "ConfirmTotp[]";
		}

	}

	/**
	 * @param password the account's password, to confirm it is the owner asking
	 * @param code a current code of the authenticator, or an unused recovery code
	 */
	record DisableTotp(@NotNull(message = "is required") @NoControlCharacters String password,
			@NotNull(message = "is required") String code) {

		/**
		 * Without the password or the code, so that no log or debugger view ever shows
		 * them.
		 */
		@Override
		public String toString() {
			return "DisableTotp[]";
		}

	}

}
