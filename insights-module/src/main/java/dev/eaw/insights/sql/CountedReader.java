package dev.eaw.insights.sql;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * The read-only connections as a running query uses them. Every connection runs in a transaction, so PostgreSQL's
 * driver streams result sets in batches of the pool's {@code defaultRowFetchSize} instead of loading them whole, and
 * rolls back when it is closed. Every row read counts against the running query's budget and checks whether the
 * query was stopped ({@link QueryContext#scannedRow()}); every statement is cancelled when the query is stopped.
 * Outside a query (schema metadata) the connections only stream.
 */
final class CountedReader implements DataSource {

	private final DataSource pool;

	CountedReader(DataSource pool) {
		this.pool = pool;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return connection(pool.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return connection(pool.getConnection(username, password));
	}

	private static Connection connection(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		return proxy(Connection.class, connection, (method, args) -> {
			Object result = method.invoke(connection, args);
			return result instanceof Statement statement ? statement(statement, method.getReturnType()) : result;
		});
	}

	private static Object statement(Statement statement, Class<?> type) {
		QueryContext context = QueryContext.current();
		if (context != null) {
			context.opened(statement);
		}
		Class<?> face = CallableStatement.class.isAssignableFrom(type) ? CallableStatement.class
				: PreparedStatement.class.isAssignableFrom(type) ? PreparedStatement.class : Statement.class;
		return proxy(face, statement, (method, args) -> {
			if (context != null && method.getName().equals("close")) {
				context.closed(statement);
			}
			Object result = method.invoke(statement, args);
			return result instanceof ResultSet rows && context != null ? resultSet(rows, context) : result;
		});
	}

	private static ResultSet resultSet(ResultSet rows, QueryContext context) {
		return proxy(ResultSet.class, rows, (method, args) -> {
			if (method.getName().equals("next")) {
				context.scannedRow();
			}
			return method.invoke(rows, args);
		});
	}

	@FunctionalInterface
	private interface Call {

		@Nullable Object invoke(Method method, Object @Nullable [] args) throws ReflectiveOperationException;

	}

	private static <T> T proxy(Class<T> type, Object target, Call call) {
		InvocationHandler handler = (self, method, args) -> {
			if (method.getName().equals("unwrap") || method.getName().equals("isWrapperFor")) {
				return method.invoke(target, args);
			}
			try {
				return call.invoke(method, args);
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		};
		return type.cast(Proxy.newProxyInstance(CountedReader.class.getClassLoader(), new Class<?>[] { type }, handler));
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return pool.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		pool.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		pool.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return pool.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() throws SQLFeatureNotSupportedException {
		return pool.getParentLogger();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return pool.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return pool.isWrapperFor(iface);
	}

}
