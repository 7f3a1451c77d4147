package org.loginservice.user;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.loginservice.ApiTest;

import static org.assertj.core.api.Assertions.assertThat;

class RegistrationRaceTests extends ApiTest {

	private static final int CLIENTS = 24;

	@Test
	void registerSameNameAtOnceThenExactlyOneCreatedAndTheRestConflict() throws Exception {
		String name = uniqueName("contested");

		List<Integer> results = registerAtOnce((i) -> (i % 2 == 0) ? name : name.toUpperCase());

		assertThat(results).containsOnly(201, 409);
		assertThat(results).filteredOn((status) -> status == 201).hasSize(1);
	}

	@Test
	void registerLookAlikeNamesAtOnceThenExactlyOneCreatedAndTheRestConflict() throws Exception {
		String latin = uniqueName("cop");
		String cyrillic = "\u0441\u043E\u0440" + latin.substring(3);

		List<Integer> results = registerAtOnce((i) -> (i % 2 == 0) ? latin : cyrillic);

		assertThat(results).containsOnly(201, 409);
		assertThat(results).filteredOn((status) -> status == 201).hasSize(1);
	}

	/** The status of each client's registration, all sent at one moment. */
	private List<Integer> registerAtOnce(IntFunction<String> nameOfClient) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		try {
			List<Future<Integer>> statuses = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				String name = nameOfClient.apply(i);
				statuses.add(clients.submit(() -> {
					start.await();
					return api().post("/register?username={u}&password={p}", name, "correct horse battery")
						.statusCode();
				}));
			}
			start.countDown();

			List<Integer> results = new ArrayList<>();
			for (Future<Integer> status : statuses) {
				results.add(status.get());
			}
			return results;
		}
		finally {
			clients.shutdownNow();
		}
	}

}
