package dev.opsh.engine;

import java.util.List;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * Makes top-level declarations ({@code def x = 1}, {@code String s = 'a'}, {@code def (a, b) = [1, 2]})
 * assignments to the session's binding, so variables persist across lines as in JShell. It works on
 * the AST of the script's body only; declarations inside methods and closures keep their meaning.
 */
final class SessionVariables extends CompilationCustomizer {
    SessionVariables() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            return;
        }
        MethodNode run = classNode.getMethod("run", new org.codehaus.groovy.ast.Parameter[0]);
        if (run == null || !(run.getCode() instanceof BlockStatement block)) {
            return;
        }
        List<Statement> statements = block.getStatements();
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i) instanceof ExpressionStatement statement
                    && statement.getExpression() instanceof DeclarationExpression declaration) {
                ExpressionStatement assignment = new ExpressionStatement(toAssignment(declaration));
                assignment.copyNodeMetaData(statement);
                assignment.setSourcePosition(statement);
                statements.set(i, assignment);
            }
        }
    }

    private static Expression toAssignment(DeclarationExpression declaration) {
        Expression value = declaration.getRightExpression();
        if (value instanceof EmptyExpression) {
            value = ConstantExpression.NULL;
        }
        Expression target;
        if (declaration.isMultipleAssignmentDeclaration()) {
            TupleExpression tuple = new TupleExpression();
            for (Expression e : declaration.getTupleExpression().getExpressions()) {
                tuple.addExpression(new VariableExpression(((VariableExpression) e).getName()));
            }
            target = tuple;
        } else {
            VariableExpression variable = declaration.getVariableExpression();
            ClassNode type = variable.getOriginType();
            target = new VariableExpression(variable.getName());
            if (type != null && !ClassHelper.isDynamicTyped(type) && !(value == ConstantExpression.NULL)) {
                value = CastExpression.asExpression(type, value);
            }
        }
        BinaryExpression assignment = new BinaryExpression(target, Token.newSymbol(Types.ASSIGN, -1, -1), value);
        assignment.setSourcePosition(declaration);
        return assignment;
    }
}
