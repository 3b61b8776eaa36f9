fn main() -> std::process::ExitCode {
    jianbao::cli::main()
}
