/**
 * JMH benchmarks of bridle's hot paths. Build with {@code mvn -pl bridle-bench -am package -DskipTests} and run
 * {@code java -jar bridle-bench/target/benchmarks.jar}; figures and commands are in {@code docs/PERFORMANCE.md}.
 */
package org.bridle.bench;
