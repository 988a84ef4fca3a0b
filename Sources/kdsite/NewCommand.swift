import ArgumentParser
import Foundation
import KDSite

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Create a lesson or a glossary term that builds as it is.")

    @Argument(help: "What to create: lesson or term.")
    var kind: Scaffold.Kind

    @Argument(help: "Its title (\"Weight sharing\") or slug (weight-sharing).")
    var name: String

    @OptionGroup var folders: FolderOptions

    func run() throws {
        do {
            let path = try Scaffold.create(kind, named: name, content: folders.content)
            print("created \(path)")
        } catch {
            StandardError.write("error: \(error)\n")
            throw ExitCode(2)
        }
    }
}

extension Scaffold.Kind: ExpressibleByArgument {}

struct CleanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clean", abstract: "Remove the built site and the snippet cache.")

    @OptionGroup var folders: FolderOptions

    func run() throws {
        do {
            let removed = try Cleaner.clean(
                output: folders.out, content: folders.content,
                cache: SnippetRunner.cacheDirectory(content: folders.content))
            StandardError.write("removed \(removed.count) item\(removed.count == 1 ? "" : "s")\n")
        } catch let error as EnvironmentError {
            StandardError.write("error: \(error.message)\n")
            throw ExitCode(2)
        } catch {
            StandardError.write("error: \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
    }
}
