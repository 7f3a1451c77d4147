package org.loginservice.user;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface UserRepository extends JpaRepository<User, Long> {

	Optional<User> findByCanonicalUsername(String canonicalUsername);

	/** Whether the name, or one that looks like it, has an account. */
	boolean existsByCanonicalUsernameOrUsernameSkeleton(String canonicalUsername, String usernameSkeleton);

	/**
	 * Replaces only the password hash: saving a copy of the account loaded before the
	 * hash was computed would also write back its data as it was then.
	 */
	@Modifying
	@Transactional
	@Query("UPDATE User u SET u.passwordHash = :hash WHERE u.id = :id")
	int updatePasswordHash(@Param("id") long id, @Param("hash") String hash);

}
