package dev.opsh.engine;

import java.util.ArrayList;
import java.util.List;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.ImportNode;
import org.codehaus.groovy.ast.ModuleNode;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.control.customizers.ImportCustomizer;

/**
 * Keeps the imports a line declares for the lines after it. The imports of a line are collected
 * while it compiles and kept only once it compiled, so a mistyped import does not poison the session.
 */
final class SessionImports extends CompilationCustomizer {
    private final ImportCustomizer persistent;
    private final List<Runnable> pending = new ArrayList<>();

    SessionImports(ImportCustomizer persistent) {
        super(CompilePhase.CONVERSION);
        this.persistent = persistent;
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        ModuleNode module = source.getAST();
        if (module == null || classNode != module.getClasses().get(0)) {
            return;
        }
        for (ImportNode node : written(module.getImports())) {
            String alias = node.getAlias();
            String type = node.getType().getName();
            pending.add(() -> persistent.addImport(alias, type));
        }
        for (ImportNode node : written(module.getStarImports())) {
            String pkg = node.getPackageName();
            pending.add(() -> persistent.addStarImports(pkg.endsWith(".") ? pkg.substring(0, pkg.length() - 1) : pkg));
        }
        for (ImportNode node : written(module.getStaticImports().values())) {
            String type = node.getType().getName();
            String field = node.getFieldName();
            String alias = node.getAlias();
            pending.add(() -> persistent.addStaticImport(alias, type, field));
        }
        for (ImportNode node : written(module.getStaticStarImports().values())) {
            String type = node.getType().getName();
            pending.add(() -> persistent.addStaticStars(type));
        }
    }

    /**
     * The imports written in the source itself. Those the import customizer added (the DSL's and
     * the session's) have no source position and must not be recorded again.
     */
    private static List<ImportNode> written(java.util.Collection<ImportNode> nodes) {
        return nodes.stream().filter(n -> n.getLineNumber() > 0).toList();
    }

    /** Keeps the imports of the line that just compiled; says whether it had any. */
    boolean commit() {
        boolean any = !pending.isEmpty();
        pending.forEach(Runnable::run);
        pending.clear();
        return any;
    }

    /** Drops the imports of a line that did not compile. */
    void discard() {
        pending.clear();
    }
}
