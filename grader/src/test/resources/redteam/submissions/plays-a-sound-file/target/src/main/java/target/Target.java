package target;

public class Target {

    public int answer() {
        return 42;
    }

    public int work() {
        System.out.println(javax.sound.sampled.AudioSystem.getAudioFileTypes().length);
        return 7;
    }
}
