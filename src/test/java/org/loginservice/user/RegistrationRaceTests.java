package org.loginservice.user;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationRaceTests extends ApiTest {

	private static final int CLIENTS = 24;

	@Test
	void registerSameNameAtOnceThenExactlyOneCreatedAndTheRestConflict() throws Exception {
		String name = uniqueName("contested");
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				String variant = (i % 2 == 0) ? name : name.toUpperCase();
				statuses.add(clients.submit(() -> {
					start.await();
					return api().post("/register?username={u}&password={p}", variant, "correct horse battery")
						.statusCode();
				}));
			}
			start.countDown();

			List<Integer> results = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				results.add(status.get());
			}
			assertThat(results).containsOnly(201, 409);
			assertThat(results).filteredOn((status) -> status == 201).hasSize(1);
		}
		finally {
			clients.shutdownNow();
		}
	}

}
