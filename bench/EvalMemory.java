package dev.opsh.engine;

/** Evaluates N distinct inputs in one session and prints the heap used after a GC every 2,000: it must stay flat. */
public class EvalMemory {
  public static void main(String[] a) {
    Evaluator e = new Evaluator(EvaluatorTest.context());
    e.evaluate("class Point { int x }");
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i <= Integer.getInteger("n", 3000); i++) {
      e.evaluate("new Point(x: " + i + ").x + 1");
      if (i % 2000 == 0) { System.gc(); System.out.println(i + " used=" + (rt.totalMemory()-rt.freeMemory())/1024/1024 + "MB classes=" + e.retainedClasses()); }
    }
  
    try { Thread.sleep(Long.getLong("hold", 0)); } catch (InterruptedException x) {}
  }
}
