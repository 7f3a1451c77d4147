package org.loginservice;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Requests sent at one moment, for the tests of races: each client on a thread of its
 * own, all released together once every one is ready.
 */
public final class Simultaneous {

	private Simultaneous() {
	}

	/** What each client's request returned, in the order of the clients. */
	public static <T> List<T> requests(int clients, IntFunction<T> request) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < clients; i++) {
				int client = i;
				futures.add(pool.submit(() -> {
					start.await();
					return request.apply(client);
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

}
